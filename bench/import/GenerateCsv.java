import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic import file for the benchmark: java GenerateCsv.java ROWS OUT.csv
 * Every row has names, owner, stage, tags and a work e-mail; every second row a UK phone number (national format,
 * so it is parsed with phone_region); every tenth row a personal e-mail; one row in a thousand has a broken
 * e-mail and is reported instead of imported. Some display names are quoted with commas inside.
 */
public class GenerateCsv {
    private static final String[] GIVEN = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
            "Margaret", "Dennis", "Radia", "Tim", "Hedy", "John", "Sophie", "Linus", "Katherine", "Niklaus", "Annie", "Bjarne"};
    private static final String[] FAMILY = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
            "Thompson", "Hamilton", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "McCarthy", "Wilson", "Torvalds",
            "Johnson", "Wirth", "Easley", "Stroustrup"};
    private static final String[] STAGES = {"prospect", "lead", "customer", "at_risk", "lapsed"};
    private static final String[] OWNERS = {"alice", "bob", "carol", "dave", "erin", "frank"};
    private static final String[] TAGS = {"newsletter", "vip", "trade-fair-2026", "webinar", "partner", "b2b", "b2c"};

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        SplittableRandom random = new SplittableRandom(20261123L);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("given_name,family_name,display_name,owner,lifecycle_stage,tags,email,email_context,email_2,"
                    + "email_2_context,phone,phone_region,phone_context\n");
            StringBuilder row = new StringBuilder(256);
            for (long i = 1; i <= rows; i++) {
                String given = GIVEN[random.nextInt(GIVEN.length)];
                String family = FAMILY[random.nextInt(FAMILY.length)];
                row.setLength(0);
                row.append(given).append(',').append(family).append(',');
                if (i % 20 == 0) {
                    row.append('"').append(family).append(", ").append(given).append('"');
                }
                row.append(',').append(OWNERS[random.nextInt(OWNERS.length)]).append(',')
                        .append(STAGES[random.nextInt(STAGES.length)]).append(',')
                        .append(TAGS[random.nextInt(TAGS.length)]).append(';').append(TAGS[random.nextInt(TAGS.length)]).append(',');
                String local = given.toLowerCase() + '.' + family.toLowerCase() + '.' + i;
                row.append(i % 1000 == 0 ? local + "@" : local + "@example.com").append(",WORK,");
                if (i % 10 == 0) {
                    row.append(local).append("@mail.example.org,PERSONAL");
                } else {
                    row.append(',');
                }
                row.append(',');
                if (i % 2 == 0) {
                    row.append("020 7946 ").append(String.format("%04d", random.nextInt(10000))).append(",GB,PERSONAL");
                } else {
                    row.append(",,");
                }
                out.write(row.append('\n').toString());
            }
        }
    }
}

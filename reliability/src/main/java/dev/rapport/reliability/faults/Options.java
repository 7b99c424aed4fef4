package dev.rapport.reliability.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Command-line options shared by the scenarios; each scenario documents which ones it reads. */
record Options(Path repo, Path workDir, List<String> scenarios, Duration duration, int kills, Duration outage, int rows,
        int writers, int contacts) {

    static final String USAGE = """
            usage: faults.sh [scenario...] [--duration 120s] [--kills 4] [--outage 60s] [--rows 200000]
                             [--writers 6] [--contacts 20]
              scenarios: %s (default: all, in that order)
              --duration  how long load runs (crash-during-writes, database-restart, slow-dependency)
              --kills     kill -9 / restart cycles during crash-during-writes
              --outage    how long consent-service stays down in outbox-under-failure
              --rows      rows of the generated CSV in import-killed
              --writers   concurrent client threads
              --contacts  contacts the scenarios write to""";

    static Options parse(String[] args, List<String> known) {
        Path repo = Path.of(System.getProperty("rapport.repo", ".")).toAbsolutePath().normalize();
        List<String> scenarios = new ArrayList<>();
        Duration duration = Duration.ofSeconds(120);
        Duration outage = Duration.ofSeconds(60);
        int kills = 4;
        int rows = 200_000;
        int writers = 6;
        int contacts = 20;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--duration" -> duration = duration(v);
                    case "--outage" -> outage = duration(v);
                    case "--kills" -> kills = positive(a, v);
                    case "--rows" -> rows = positive(a, v);
                    case "--writers" -> writers = positive(a, v);
                    case "--contacts" -> contacts = positive(a, v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } else if (known.contains(a)) {
                scenarios.add(a);
            } else {
                throw new IllegalArgumentException("unknown scenario " + a);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(known);
        }
        return new Options(repo, repo.resolve("reliability/target/faults"), scenarios, duration, kills, outage, rows,
                writers, contacts);
    }

    /** {@code 90}, {@code 90s}, {@code 2m}. */
    static Duration duration(String v) {
        String s = v.trim().toLowerCase();
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(s.endsWith("s") ? s.substring(0, s.length() - 1) : s));
    }

    private static int positive(String name, String v) {
        int n = Integer.parseInt(v);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return n;
    }

    Options with(Duration newDuration, int newKills) {
        return new Options(repo, workDir, scenarios, newDuration, newKills, outage, rows, writers, contacts);
    }
}

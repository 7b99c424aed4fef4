package dev.rapport.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's cast: the same people, names and addresses on every run (so a re-run finds what the first one made).
 * Names come from English, French and Arabic, a few written in Arabic script, since Rapport shows names unchanged.
 */
final class People {
    static final String TAG = "demo";

    enum Origin { PROVIDED, IMPORTED }

    record Organisation(String name, String domain, String industry, int employees) {
    }

    record Person(int index, Origin origin, String given, String family, String display, String email,
            String emailContext, String emailSource, String phone, String owner, String stage, List<String> tags,
            Organisation organisation, String region, String household) {
        /** A number from 0 (inclusive) to 1 that is the same for this person and this purpose on every run. */
        double chance(String purpose) {
            return new Random(((long) index << 20) ^ purpose.hashCode()).nextDouble();
        }

        boolean seasonTicket() {
            return tags.contains("season-ticket");
        }
    }

    static final String[][] GIVEN = {
            {"Ana", "ana"}, {"Ben", "ben"}, {"Chloé", "chloe"}, {"David", "david"}, {"Élodie", "elodie"}, {"Farah", "farah"},
            {"Gareth", "gareth"}, {"Hana", "hana"}, {"Inès", "ines"}, {"James", "james"}, {"Karim", "karim"}, {"Laura", "laura"},
            {"Malik", "malik"}, {"Nadia", "nadia"}, {"Olivier", "olivier"}, {"Priya", "priya"}, {"Quentin", "quentin"},
            {"Rania", "rania"}, {"Sophie", "sophie"}, {"Tom", "tom"}, {"Ugo", "ugo"}, {"Valérie", "valerie"}, {"William", "william"},
            {"Yasmine", "yasmine"}, {"Zoé", "zoe"}, {"Amine", "amine"}, {"Bérénice", "berenice"}, {"Claire", "claire"},
            {"Dina", "dina"}, {"Emma", "emma"}, {"Fatima", "fatima"}, {"Grace", "grace"}, {"Hugo", "hugo"}, {"Imane", "imane"},
            {"Jules", "jules"}, {"Khalid", "khalid"}, {"Léa", "lea"}, {"Mohamed", "mohamed"}, {"Noah", "noah"}, {"Omar", "omar"},
            {"Paul", "paul"}, {"Rachid", "rachid"}, {"Sarah", "sarah"}, {"Théo", "theo"}, {"Victor", "victor"},
            {"ليلى", "layla"}, {"يوسف", "youssef"}, {"مريم", "mariam"}, {"Aïcha", "aicha"}, {"Noor", "noor"},
    };
    static final String[][] FAMILY = {
            {"Pereira", "pereira"}, {"Martin", "martin"}, {"Dubois", "dubois"}, {"Smith", "smith"}, {"Haddad", "haddad"},
            {"Lefèvre", "lefevre"}, {"Jones", "jones"}, {"Benali", "benali"}, {"Moreau", "moreau"}, {"Taylor", "taylor"},
            {"El Amrani", "elamrani"}, {"Laurent", "laurent"}, {"Brown", "brown"}, {"Mansour", "mansour"}, {"Girard", "girard"},
            {"Wilson", "wilson"}, {"Khoury", "khoury"}, {"Roux", "roux"}, {"Evans", "evans"}, {"Saleh", "saleh"},
            {"Fournier", "fournier"}, {"Walker", "walker"}, {"Nasser", "nasser"}, {"Mercier", "mercier"}, {"Hughes", "hughes"},
            {"Bouzid", "bouzid"}, {"Faure", "faure"}, {"Clarke", "clarke"}, {"Rahman", "rahman"}, {"Blanc", "blanc"},
            {"O'Connor", "oconnor"}, {"Chevalier", "chevalier"}, {"Aziz", "aziz"}, {"Garnier", "garnier"}, {"Patel", "patel"},
            {"Perrin", "perrin"}, {"Hall", "hall"}, {"Karam", "karam"}, {"Renaud", "renaud"}, {"Wright", "wright"},
            {"Mahmoud", "mahmoud"}, {"Lambert", "lambert"}, {"حداد", "haddad2"}, {"Diallo", "diallo"}, {"Bonnet", "bonnet"},
    };
    static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation("Northwind Traders", "northwind.example.com", "Retail", 240),
            new Organisation("Contoso Energy", "contoso-energy.example.com", "Utilities", 1800),
            new Organisation("Fabrikam Foods", "fabrikam.example.com", "Food", 95),
            new Organisation("Tailspin Toys", "tailspin.example.com", "Retail", 60),
            new Organisation("Wide World Importers", "wideworld.example.com", "Logistics", 520),
            new Organisation("Alpine Ski House", "alpineski.example.com", "Leisure", 35),
            new Organisation("Lucerne Publishing", "lucerne.example.com", "Media", 140),
            new Organisation("Margie's Travel", "margies.example.com", "Travel", 22));
    static final List<String> OWNERS = List.of("agent", "sam.taylor", "lea.martin", "omar.haddad");
    static final List<String> REGIONS = List.of("north", "south", "east", "west", "centre");
    static final List<String> HOUSEHOLDS = List.of("owner", "tenant", "business");
    static final List<String> FORMS = List.of("website-signup", "webinar-2026-spring", "store-checkout", "chat",
            "ticket-office", "newsletter-footer");

    /** The file every imported person comes from (its name is their contact points' provenance). */
    static final String IMPORT_FILE = "trade-fair-2026.csv";

    private People() {
    }

    /** {@code provided} people created through the API, then {@code imported} from the CSV file. */
    static List<Person> cast(int provided, int imported) {
        int combos = GIVEN.length * FAMILY.length;
        if (provided + imported > combos) {
            throw new IllegalArgumentException("at most " + combos + " people");
        }
        List<Person> people = new ArrayList<>(provided + imported);
        for (int i = 0; i < provided + imported; i++) {
            int pair = (int) ((long) i * 7919 % combos); // 7919 is prime and no factor of combos: a permutation
            people.add(person(i, i < provided ? Origin.PROVIDED : Origin.IMPORTED, GIVEN[pair % GIVEN.length],
                    FAMILY[pair / GIVEN.length]));
        }
        return people;
    }

    private static Person person(int i, Origin origin, String[] given, String[] family) {
        Random r = new Random(i * 31L + 7);
        Organisation org = r.nextDouble() < 0.3 ? ORGANISATIONS.get(r.nextInt(ORGANISATIONS.size())) : null;
        String local = given[1] + "." + family[1];
        String email = org != null ? local + "@" + org.domain() : local + "@" + (i % 2 == 0 ? "example.net" : "example.org");
        String phone = r.nextDouble() < 0.45 ? String.format("+33 6 %02d %02d %02d %02d", 10 + i / 1000000 % 90,
                i / 10000 % 100, i / 100 % 100, i % 100) : null;
        double s = r.nextDouble();
        String stage = s < 0.15 ? "PROSPECT" : s < 0.3 ? "LEAD" : s < 0.8 ? "CUSTOMER" : s < 0.92 ? "AT_RISK" : "LAPSED";
        List<String> tags = new ArrayList<>(List.of(TAG));
        if (r.nextDouble() < 0.4) {
            tags.add("season-ticket");
        }
        if (org != null) {
            tags.add("b2b");
        }
        if (r.nextDouble() < 0.08) {
            tags.add("vip");
        }
        return new Person(i, origin, given[0], family[0], given[0] + " " + family[0], email,
                org != null ? "WORK" : "PERSONAL", origin == Origin.PROVIDED ? FORMS.get(i % FORMS.size()) : IMPORT_FILE,
                phone, OWNERS.get(r.nextInt(OWNERS.size())), stage, List.copyOf(tags), org,
                REGIONS.get(r.nextInt(REGIONS.size())), HOUSEHOLDS.get(org != null ? 2 : r.nextInt(2)));
    }
}

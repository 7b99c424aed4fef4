package dev.rapport.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads a living CRM into a running suite through its public REST APIs, as a team and its integrations would have
 * filled it: about two thousand people with addresses of every provenance, consents and objections, what they did and
 * bought, a 125-initiative consultation answered in part with "we did" / "we won't" published and answered, a
 * season-ticket programme with scores and outcomes, cases, ratings and greetings. Re-running it adds nothing twice.
 * <p>
 * {@code java -jar demo/target/demo.jar [--keycloak REALM_URL] [--contacts URL] [--consent URL] [--feedback URL]}; without
 * {@code --keycloak}, tokens per role come from {@code RAPPORT_DEMO_TOKENS} ({@code admin=…,agent=…,marketer=…}).
 */
public final class DemoData {
    static final int PROVIDED = 900;
    static final int IMPORTED = 1100;

    private final Http http;
    private final Target target;

    DemoData(TokenSource tokens, Target target) {
        this.http = new Http(tokens);
        this.target = target;
    }

    /** What was loaded: the ids the views start from. */
    record Loaded(String consultationId, String programmeId, int people) {
    }

    Loaded load() {
        List<People.Person> people = People.cast(PROVIDED, IMPORTED);
        purposes();
        ContactsLoader.Roster roster = step("people, organisations and their addresses",
                () -> new ContactsLoader(http, target).load(people));
        step("interactions, purchases and follow-ups", () -> {
            new ActivityLoader(http, target).load(people, roster);
            return null;
        });
        step("consents, policies and a newsletter", () -> {
            new ConsentLoader(http, target).load(people, roster);
            return null;
        });
        String consultation = step("the consultation, its answers and what we did",
                () -> new ConsultationLoader(http, target).load(people, roster));
        step("Casey Customer's invitation, consents and a case to confirm", () -> {
            String casey = new CustomerLoader(http, target).load(consultation, roster.anchor());
            System.out.print(casey == null ? "(no Casey Customer: skipped) " : "");
            return casey;
        });
        String programme = step("the season-ticket programme", () -> new RenewalLoader(http, target).load(people, roster));
        step("cases, ratings and greetings", () -> {
            new ServiceLoader(http, target).load(people, roster);
            return null;
        });
        return new Loaded(consultation, programme, roster.byName().size());
    }

    /** The standard purposes (as ./rapport creates them on a first start); one that exists is left as it is. */
    private void purposes() {
        for (String[] p : new String[][] {{"newsletter", "CONSENT", "Product newsletter"},
                {"marketing", "CONSENT", "Marketing offers and campaigns"},
                {"sales-outreach", "LEGITIMATE_INTEREST", "A salesperson getting in touch"},
                {"service", "CONTRACT", "Messages about what the customer bought: orders, cases, accounts"},
                {"survey", "CONSENT", "Consultations and feedback requests"}, {"renewal-offers", "CONSENT", "Early renewal offers"}}) {
            http.post(ContactsLoader.ADMIN, target.consent() + "/purposes", Map.of("code", p[0], "lawfulBasis", p[1],
                    "description", p[2]), null, java.util.Set.of(409));
        }
    }

    /**
     * Loads the demo into a running suite whose demo users log in at this Keycloak realm (as {@code ./rapport} does); for
     * tests that need a living CRM. Answers the consultation's and the programme's ids.
     */
    public static Map<String, String> loadWithKeycloak(String realmUrl, String contactsUrl, String consentUrl, String feedbackUrl) {
        Loaded loaded = new DemoData(TokenSource.keycloak(realmUrl), new Target(contactsUrl, consentUrl, feedbackUrl)).load();
        return Map.of("consultationId", loaded.consultationId(), "programmeId", loaded.programmeId());
    }

    private static <T> T step(String what, Supplier<T> work) {
        long start = System.nanoTime();
        System.out.print("  " + what + "… ");
        System.out.flush();
        T result = work.get();
        System.out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
        return result;
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            usage();
        }
        Target local = Target.local();
        Target target = new Target(options.getOrDefault("contacts", local.contacts()),
                options.getOrDefault("consent", local.consent()), options.getOrDefault("feedback", local.feedback()));
        TokenSource tokens = options.containsKey("keycloak") ? TokenSource.keycloak(options.get("keycloak"))
                : TokenSource.fixed(fixedTokens(System.getenv("RAPPORT_DEMO_TOKENS")));
        long start = System.nanoTime();
        System.out.println("Loading demo data (idempotent: what exists is kept):");
        Loaded loaded = new DemoData(tokens, target).load();
        System.out.printf("Demo data ready in %.0f s: %d demo contacts, consultation %s, programme %s.%n",
                (System.nanoTime() - start) / 1e9, loaded.people(), loaded.consultationId(), loaded.programmeId());
    }

    static Map<String, String> fixedTokens(String spec) {
        if (spec == null || spec.isBlank()) {
            usage();
        }
        Map<String, String> byRole = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            byRole.put(kv[0].trim(), kv[1].trim());
        }
        return byRole;
    }

    private static void usage() {
        System.err.println("usage: java -jar demo.jar [--keycloak REALM_URL] [--contacts URL] [--consent URL] [--feedback URL]\n"
                + "  without --keycloak, set RAPPORT_DEMO_TOKENS=admin=TOKEN,agent=TOKEN,marketer=TOKEN");
        System.exit(2);
    }
}

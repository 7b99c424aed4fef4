package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.demo.People.Organisation;
import dev.rapport.demo.People.Origin;
import dev.rapport.demo.People.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organisations and people with addresses of every provenance: given by the person on a form (created through
 * {@code POST /contacts}), imported from a trade-fair file ({@code POST /imports}), bought from an enrichment vendor or
 * inferred (added as contact points). A few people are in the file twice under another spelling: duplicates to merge.
 */
final class ContactsLoader {
    static final String ADMIN = "admin";
    static final String AGENT = "agent";
    /** Every {@code DUPLICATE_EVERY}-th person given on a form is in the trade-fair file a second time. */
    static final int DUPLICATE_EVERY = 60;

    private final Http http;
    private final Target target;

    ContactsLoader(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** Who exists (display name → contact) after this step, and when the first demo contact was created. */
    record Roster(Map<String, JsonNode> byName, Instant anchor) {
        String id(Person p) {
            JsonNode c = byName.get(p.display());
            return c == null ? null : c.path("id").asText();
        }
    }

    Roster load(List<Person> people) {
        Map<String, String> organisations = organisations();
        Map<String, JsonNode> existing = existing();
        List<Person> missing = people.stream()
                .filter(p -> p.origin() == Origin.PROVIDED && !existing.containsKey(p.display())).toList();
        Parallel.each(missing, p -> http.post(AGENT, target.contacts() + "/contacts", provided(p, organisations),
                "demo-contact-" + p.index(), Set.of(422)));
        if (people.stream().anyMatch(p -> p.origin() == Origin.IMPORTED && !existing.containsKey(p.display()))) {
            importFile(people);
        }
        Map<String, JsonNode> all = existing();
        addBoughtAndInferred(people, all);
        Instant anchor = all.values().stream().map(c -> Instant.parse(c.path("createdAt").asText()))
                .min(Instant::compareTo).orElseThrow(() -> new Http.DemoFailure("no demo contact was created"));
        return new Roster(all, anchor);
    }

    private Map<String, String> organisations() {
        Map<String, String> ids = new HashMap<>();
        for (Organisation o : People.ORGANISATIONS) {
            Map<String, Object> body = Map.of("name", o.name(), "domain", o.domain(), "industry", o.industry(),
                    "employeeCount", o.employees());
            Http.Answer a = http.post(ADMIN, target.contacts() + "/organisations", body, null, Set.of(409));
            if (a.ok()) {
                ids.put(o.domain(), a.body().path("id").asText());
            } else {
                JsonNode page = http.get(ADMIN, target.contacts() + "/organisations?" + Http.query(Map.of("name", o.name())));
                for (JsonNode item : page.path("items")) {
                    if (o.domain().equals(item.path("domain").asText())) {
                        ids.put(o.domain(), item.path("id").asText());
                    }
                }
            }
        }
        return ids;
    }

    /** Every demo contact by display name (they are unique), with its contact points. */
    Map<String, JsonNode> existing() {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        String cursor = null;
        do {
            Map<String, Object> q = new LinkedHashMap<>(Map.of("tag", People.TAG, "limit", 500));
            q.put("cursor", cursor);
            JsonNode page = http.get(ADMIN, target.contacts() + "/contacts?" + Http.query(q));
            page.path("items").forEach(c -> byName.put(c.path("displayName").asText(), c));
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return byName;
    }

    static Map<String, Object> provided(Person p, Map<String, String> organisations) {
        // given on the sign-up form, the day they consented (ConsentLoader), not the day the demo was loaded: every
        // message's "why you receive this" says when the address was given and when the consent was
        String given = signedUpAt(p).toString();
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(Map.of("channel", "EMAIL", "address", p.email(), "context", p.emailContext(), "capturedAt", given,
                "provenance", Map.of("kind", "PROVIDED_BY_CONTACT", "source", p.emailSource())));
        if (p.phone() != null && p.chance("phone-given") < 0.6) {
            points.add(Map.of("channel", "PHONE", "address", p.phone(), "context", "PERSONAL", "capturedAt", given,
                    "provenance", Map.of("kind", "PROVIDED_BY_CONTACT", "source", p.emailSource())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", p.given());
        body.put("familyName", p.family());
        body.put("owner", p.owner());
        body.put("lifecycleStage", p.stage());
        body.put("tags", p.tags());
        if (p.organisation() != null) {
            body.put("organisationId", organisations.get(p.organisation().domain()));
        }
        body.put("contactPoints", points);
        return body;
    }

    /**
     * When a person given on a form signed up: their consents' day before the anchor (the first demo contact's creation,
     * about now), an hour earlier so the address always comes before the consent it was given with.
     */
    static Instant signedUpAt(Person p) {
        return Instant.now().minus(Duration.ofDays(ConsentLoader.signedUpDaysAgo(p))).minus(Duration.ofHours(1));
    }

    private void importFile(List<Person> people) {
        StringBuilder csv = new StringBuilder(
                "given_name,family_name,display_name,organisation_domain,owner,lifecycle_stage,tags,email,email_context,phone,phone_context\n");
        for (Person p : people) {
            if (p.origin() == Origin.IMPORTED) {
                row(csv, p, p.display(), p.phone());
            }
        }
        for (Person p : people) {
            if (p.origin() == Origin.PROVIDED && p.index() % DUPLICATE_EVERY == 0) {
                row(csv, p, p.family() + ", " + p.given(), null);
            }
        }
        JsonNode job = http.postRaw(AGENT, target.contacts() + "/imports?" + Http.query(Map.of("fileName", People.IMPORT_FILE)),
                "text/csv", csv.toString(), "demo-" + People.IMPORT_FILE).body();
        String url = target.contacts() + "/imports/" + job.path("id").asText();
        for (int i = 0; i < 600 && !"COMPLETED".equals(job.path("status").asText()); i++) {
            if ("FAILED".equals(job.path("status").asText())) {
                throw new Http.DemoFailure("The demo import failed: " + job);
            }
            sleep(500);
            job = http.get(AGENT, url);
        }
    }

    private static void row(StringBuilder csv, Person p, String display, String phone) {
        csv.append(cell(p.given())).append(',').append(cell(p.family())).append(',').append(cell(display)).append(',')
                .append(p.organisation() == null ? "" : p.organisation().domain()).append(',').append(p.owner()).append(',')
                .append(p.stage().toLowerCase()).append(',').append(String.join(";", p.tags())).append(',')
                .append(p.email()).append(',').append(p.emailContext()).append(',')
                .append(phone == null ? "" : cell(phone)).append(',').append(phone == null ? "" : "PERSONAL").append('\n');
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Phones bought from a vendor, e-mail addresses guessed from a pattern: what the person never gave. */
    private void addBoughtAndInferred(List<Person> people, Map<String, JsonNode> all) {
        Map<String, List<JsonNode>> points = points(all.values().stream().map(c -> c.path("id").asText()).toList());
        List<Runnable> calls = new ArrayList<>();
        for (Person p : people) {
            JsonNode c = all.get(p.display());
            if (c == null) {
                continue;
            }
            List<JsonNode> held = points.getOrDefault(c.path("id").asText(), List.of());
            String url = target.contacts() + "/contacts/" + c.path("id").asText() + "/contact-points";
            if (p.origin() == Origin.PROVIDED && p.phone() != null && p.chance("phone-given") >= 0.6 && !has(held, "PHONE", 1)) {
                calls.add(() -> http.post(AGENT, url, Map.of("channel", "PHONE", "address", p.phone(), "context", "WORK",
                        "provenance", Map.of("kind", "ENRICHMENT", "source", "DataVendor Ltd")), null, Set.of(409)));
            }
            if (p.organisation() == null && p.chance("inferred") < 0.1 && !has(held, "EMAIL", 2)) {
                String guessed = p.email().substring(0, p.email().indexOf('@')).replace(".", "") + "@example.com";
                calls.add(() -> http.post(AGENT, url, Map.of("channel", "EMAIL", "address", guessed, "context", "PERSONAL",
                        "provenance", Map.of("kind", "INFERRED", "source", "email-pattern")), null, Set.of(409)));
            }
        }
        Parallel.each(calls, Runnable::run);
    }

    /** Contact points per contact id, read in bulk. */
    Map<String, List<JsonNode>> points(List<String> contactIds) {
        Map<String, List<JsonNode>> byContact = new HashMap<>();
        for (List<String> chunk : Parallel.chunks(contactIds, 100)) {
            JsonNode list = http.get(ADMIN, target.contacts() + "/contact-points?contactIds=" + String.join(",", chunk));
            list.forEach(point -> byContact.computeIfAbsent(point.path("contactId").asText(), k -> new ArrayList<>()).add(point));
        }
        return byContact;
    }

    private static boolean has(List<JsonNode> points, String channel, int atLeast) {
        int n = 0;
        for (JsonNode point : points) {
            if (channel.equals(point.path("channel").asText())) {
                n++;
            }
        }
        return n >= atLeast;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

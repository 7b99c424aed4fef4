package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.demo.People.Origin;
import dev.rapport.demo.People.Person;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger as people would have filled it: grants on the forms where they gave their address, withdrawals, refusals
 * and objections ("no interest until June"); grants from the imported file (which cover nothing the person did not
 * give); the person's own rules (quiet hours in their zone, a cap, do not contact); and one newsletter sent to a mixed
 * audience, so the outreach view has approvals and denials with reasons.
 */
final class ConsentLoader {
    static final String NEWSLETTER_CAMPAIGN = "demo-newsletter-december";
    private static final List<String> ZONES = List.of("Europe/Paris", "Asia/Tokyo", "America/Los_Angeles", "Asia/Dubai",
            "Australia/Sydney", "America/New_York");

    private final Http http;
    private final Target target;

    ConsentLoader(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    record Event(Person person, int number, Map<String, Object> body) {
    }

    void load(List<Person> people, ContactsLoader.Roster roster) {
        awaitFacts(people, roster);
        List<Event> events = new ArrayList<>();
        for (Person p : people) {
            if (roster.id(p) != null) {
                events.addAll(events(p, roster.anchor()));
            }
        }
        Map<String, Integer> held = ledgerSizes(people.stream().map(roster::id).filter(id -> id != null).toList());
        Map<Person, Long> planned = events.stream().collect(Collectors.groupingBy(Event::person, Collectors.counting()));
        List<Event> toSend = events.stream()
                .filter(e -> held.getOrDefault(roster.id(e.person()), 0) < planned.get(e.person())).toList();
        Parallel.each(toSend, e -> http.post(ContactsLoader.AGENT,
                target.consent() + "/contacts/" + roster.id(e.person()) + "/consent-events", e.body(),
                "demo-consent-" + e.person().index() + "-" + e.number(), Set.of()));
        policies(people, roster);
        newsletter(people, roster);
    }

    /**
     * consent-service learns of contact points from contacts-service's outbox, shortly after they are written; decisions
     * made before that know nobody. Waits until the last person written is known there: on an idle machine seconds; on
     * a machine busy with other builds the relay's few thousand events took more than two minutes, so up to ten.
     */
    private void awaitFacts(List<Person> people, ContactsLoader.Roster roster) {
        String last = roster.id(people.get(people.size() - 1));
        for (int i = 0; i < 1200; i++) {
            JsonNode points = http.get(ContactsLoader.ADMIN, target.consent() + "/contacts/" + last + "/contact-points");
            if (points.isArray() ? !points.isEmpty() : !points.path("items").isEmpty()) {
                return;
            }
            ContactsLoader.sleep(500);
        }
        throw new Http.DemoFailure("consent-service did not learn the demo contacts' addresses within 10 minutes");
    }

    /** How many days before the demo's anchor the person signed up: their consents are dated then. */
    static int signedUpDaysAgo(Person p) {
        return 30 + (int) (p.chance("signed-up") * 500);
    }

    static List<Event> events(Person p, Instant anchor) {
        List<Event> out = new ArrayList<>();
        int signedUp = signedUpDaysAgo(p);
        if (p.origin() == Origin.IMPORTED) {
            if (p.chance("newsletter") < 0.5) {
                out.add(event(p, out.size(), "GRANT", "newsletter", "EMAIL", "IMPORT", People.IMPORT_FILE,
                        "Ticked 'send me news' on the trade-fair form", anchor, signedUp, null));
            }
            return out;
        }
        String form = p.emailSource();
        if (p.chance("newsletter") < 0.7) {
            out.add(event(p, out.size(), "GRANT", "newsletter", "EMAIL", "WEB_FORM", form, "Send me the club newsletter", anchor, signedUp, null));
            if (p.chance("withdrawn") < 0.12) {
                out.add(event(p, out.size(), "WITHDRAW", "newsletter", "EMAIL", "UNSUBSCRIBE_LINK", null, null, anchor, signedUp / 3, null));
            }
        }
        if (p.chance("survey") < 0.75) {
            out.add(event(p, out.size(), "GRANT", "survey", "EMAIL", "WEB_FORM", form, "Ask me what the club should do next",
                    anchor, signedUp, null));
        }
        double marketing = p.chance("marketing");
        if (marketing < 0.4) {
            out.add(event(p, out.size(), "GRANT", "marketing", "EMAIL", "WEB_FORM", form, "Tell me about offers", anchor, signedUp, null));
        } else if (marketing > 0.94) {
            out.add(event(p, out.size(), "DENY", "marketing", null, "AGENT", null, null, anchor, signedUp / 2, null));
        }
        if (p.seasonTicket() && p.chance("renewal-offers") < 0.75) {
            out.add(event(p, out.size(), "GRANT", "renewal-offers", "EMAIL", "WEB_FORM", "ticket-office",
                    "Offer me early renewal of my season ticket", anchor, signedUp, null));
        }
        if (p.chance("objection") < 0.06) {
            out.add(event(p, out.size(), "OBJECT", "sales-outreach", null, "AGENT", null, null, anchor, 10,
                    anchor.plus(Duration.ofDays(150)).toString()));
        }
        return out;
    }

    private static Event event(Person p, int number, String kind, String purpose, String channel, String source, String form,
            String wording, Instant anchor, int daysAgo, String until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("purpose", purpose);
        body.put("channel", channel);
        body.put("source", source);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("formId", form);
        evidence.put("wordingHash", wording == null ? null : sha256(wording));
        evidence.put("note", "OBJECT".equals(kind) ? "No interest until the summer, said on the phone" : null);
        body.put("evidence", evidence);
        body.put("occurredAt", anchor.minus(Duration.ofDays(daysAgo)).toString());
        body.put("until", until);
        return new Event(p, number, body);
    }

    private Map<String, Integer> ledgerSizes(List<String> ids) {
        Map<String, Integer> sizes = new HashMap<>();
        for (List<String> chunk : Parallel.chunks(ids, 100)) {
            JsonNode answer = http.get(ContactsLoader.ADMIN, target.consent() + "/by-contact/consent-events?limit=50&contactIds="
                    + String.join(",", chunk));
            answer.forEach(e -> sizes.put(e.path("contactId").asText(), e.path("items").size()));
        }
        return sizes;
    }

    /** Quiet hours in zones around the world (so some people are in theirs whenever you look), caps, do not contact. */
    private void policies(List<Person> people, ContactsLoader.Roster roster) {
        List<Person> withRules = people.stream().filter(p -> roster.id(p) != null && p.chance("policy") < 0.06).toList();
        Parallel.each(withRules, p -> {
            Map<String, Object> body = new LinkedHashMap<>();
            double kind = p.chance("policy-kind");
            if (kind < 0.6) {
                body.put("quietHoursStart", "20:00");
                body.put("quietHoursEnd", "09:00");
                body.put("timeZone", ZONES.get(p.index() % ZONES.size()));
            } else if (kind < 0.85) {
                body.put("maxTouches", 1);
                body.put("windowDays", 30);
            } else {
                body.put("doNotContact", true);
            }
            body.put("preferredChannels", List.of("EMAIL"));
            http.put(ContactsLoader.AGENT, target.consent() + "/contacts/" + roster.id(p) + "/policy", body, Set.of(409));
        });
    }

    /** One newsletter to a mixed audience; consent-service keeps every denial with its reasons. Retry-safe per campaign. */
    private void newsletter(List<Person> people, ContactsLoader.Roster roster) {
        String ndjson = people.stream().filter(p -> roster.id(p) != null && p.index() % 5 == 0)
                .map(p -> "{\"contactId\":\"" + roster.id(p) + "\"}").collect(Collectors.joining("\n")) + "\n";
        http.postRaw("marketer", target.consent() + "/outreach/requests/bulk?" + Http.query(Map.of("purpose", "newsletter",
                "channel", "EMAIL", "campaign", NEWSLETTER_CAMPAIGN, "payloadRef", "newsletter:2026-12")),
                "application/x-ndjson", ndjson, null);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

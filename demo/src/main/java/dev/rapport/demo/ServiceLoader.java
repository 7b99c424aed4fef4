package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.demo.People.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Service measured by outcome: cases over the last six months — open, resolved and waiting for the customer, confirmed,
 * reopened — with star ratings of the staff at each touchpoint, and greetings at the gates and the shop
 * ("Can I do anything for you?").
 */
final class ServiceLoader {
    private static final String AGENT = "agent";
    static final List<String> STAFF = List.of("agent", "sam.taylor", "lea.martin", "omar.haddad", "jo.smith");
    static final List<String> TOUCHPOINTS = List.of("phone line", "chat", "club shop", "ticket office", "gate 4");
    private static final List<String> PROBLEMS = List.of(
            "My invoice shows my old address",
            "I was charged twice for the December match",
            "My season card does not open gate 4",
            "Nobody called me back about the leak in my street",
            "The online account will not accept my new e-mail address",
            "I would like to move my seats closer to my son's");
    private static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "WEB");

    private final Http http;
    private final Target target;

    ServiceLoader(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    void load(List<Person> people, ContactsLoader.Roster roster) {
        cases(people, roster);
        ratings(people, roster);
        greetings(people, roster);
    }

    private void cases(List<Person> people, ContactsLoader.Roster roster) {
        List<Person> withCase = people.stream().filter(p -> roster.id(p) != null && p.chance("case") < 0.11).toList();
        Set<String> have = new HashSet<>();
        for (List<Person> chunk : Parallel.chunks(withCase, 100)) {
            http.get(AGENT, target.feedback() + "/by-contact/cases?contactIds=" + String.join(",", chunk.stream().map(roster::id).toList()))
                    .forEach(e -> {
                        if (!e.path("items").isEmpty()) {
                            have.add(e.path("contactId").asText());
                        }
                    });
        }
        Parallel.each(withCase.stream().filter(p -> !have.contains(roster.id(p))).toList(), p -> oneCase(p, roster));
    }

    /** One case's life: where it ends is this person's draw (open, waiting for the customer, confirmed, reopened). */
    private void oneCase(Person p, ContactsLoader.Roster roster) {
        Random r = new Random(p.index() * 17L + 1);
        Instant opened = roster.anchor().minus(Duration.ofHours(2 + r.nextInt(180 * 24)));
        double fate = p.chance("case-fate");
        String url = openCase(http, target, roster.id(p), PROBLEMS.get(r.nextInt(PROBLEMS.size())),
                CHANNELS.get(r.nextInt(CHANNELS.size())), opened, fate < 0.12 ? null : p.owner());
        if (fate < 0.25) {
            return; // still open
        }
        boolean firstContact = r.nextDouble() < 0.3;
        Instant resolved = min(opened.plus(Duration.ofHours(firstContact ? 0 : 4 + r.nextInt(24 * 12))).plusSeconds(600),
                roster.anchor());
        resolve(http, url, firstContact ? "Explained and corrected during the call" : "Corrected the account and sent a confirmation",
                firstContact, false, resolved);
        if (fate < 0.45) {
            return; // resolved, waiting for the customer to confirm
        }
        if (fate < 0.55) {
            http.post(AGENT, url + "/reopening", Map.of("note", "The customer called again: the same problem is back"));
            if (fate < 0.5) {
                return;
            }
            resolve(http, url, "Corrected the account and sent a confirmation", false, false, null);
        } else if (fate < 0.6) {
            http.post(AGENT, url + "/confirmation", Map.of("outcome", "NOT_RESOLVED", "comment", "Still charged twice"));
            return;
        }
        http.post(AGENT, url + "/confirmation", Map.of("outcome", "CONFIRMED"));
        if (r.nextDouble() < 0.6) {
            http.post(AGENT, target.feedback() + "/ratings", Map.of("subjectType", "CASE", "subjectId", url.substring(url.lastIndexOf('/') + 1),
                    "staff", p.owner(), "touchpoint", "phone line", "stars", 3 + r.nextInt(3), "contactId", roster.id(p)),
                    "demo-case-rating-" + p.index(), Set.of());
        }
    }

    /** Opens a case as the agent; answers its URL. {@code assignee} may be null (nobody yet). */
    static String openCase(Http http, Target target, String contactId, String problem, String channel, Instant openedAt,
            String assignee) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", contactId);
        body.put("problem", problem);
        body.put("channel", channel);
        body.put("openedAt", openedAt.toString());
        body.put("assignee", assignee);
        return target.feedback() + "/cases/" + http.post(AGENT, target.feedback() + "/cases", body).path("id").asText();
    }

    /** Resolves a case as the agent; {@code askCustomer} sends the person "was your problem solved?"; {@code at} null: now. */
    static void resolve(Http http, String url, String note, boolean firstContact, boolean askCustomer, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", note);
        body.put("onFirstContact", firstContact);
        body.put("askCustomer", askCustomer);
        body.put("resolvedAt", at == null ? null : at.toString());
        http.post(AGENT, url + "/resolution", body);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Stars per staff member and touchpoint: some of the team are better at it than others. */
    private void ratings(List<Person> people, ContactsLoader.Roster roster) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            numbers.add(i);
        }
        Parallel.each(numbers, i -> {
            Random r = new Random(i * 7919L + 11);
            int staff = r.nextInt(STAFF.size());
            int stars = Math.max(1, Math.min(5, 5 - (r.nextDouble() < 0.25 + staff * 0.12 ? 1 + r.nextInt(3) : 0)));
            Person p = people.get(r.nextInt(people.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subjectType", "STAFF");
            body.put("subjectId", STAFF.get(staff));
            body.put("touchpoint", TOUCHPOINTS.get(r.nextInt(TOUCHPOINTS.size())));
            body.put("stars", stars);
            body.put("comment", stars <= 2 ? "Waited twenty minutes and left without an answer." : null);
            body.put("contactId", roster.id(p));
            body.put("ratedAt", roster.anchor().minus(Duration.ofHours(1 + r.nextInt(180 * 24))).toString());
            http.post(AGENT, target.feedback() + "/ratings", body, "demo-rating-" + i, Set.of());
        });
    }

    /** Visitors met at a touchpoint: greeted or not, asked "Can I do anything for you?" or not, and what they asked. */
    private void greetings(List<Person> people, ContactsLoader.Roster roster) {
        List<String> places = List.of("gate 4", "club shop", "ticket office");
        double[] greetedShare = {0.92, 0.76, 0.58};
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            numbers.add(i);
        }
        Parallel.each(numbers, i -> {
            Random r = new Random(i * 104729L + 3);
            int place = r.nextInt(places.size());
            boolean greeted = r.nextDouble() < greetedShare[place];
            boolean offered = greeted && r.nextDouble() < 0.6;
            boolean asked = offered && r.nextDouble() < 0.3;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("touchpoint", places.get(place));
            body.put("staff", STAFF.get(r.nextInt(STAFF.size())));
            body.put("contactId", r.nextDouble() < 0.5 ? roster.id(people.get(r.nextInt(people.size()))) : null);
            body.put("occurredAt", roster.anchor().minus(Duration.ofMinutes(30 + r.nextInt(90 * 24 * 60))).toString());
            body.put("greeted", greeted);
            body.put("offeredHelp", offered);
            body.put("result", !offered ? "NOT_OFFERED" : asked ? "ASKED" : "NOTHING_NEEDED");
            body.put("request", asked ? "Where can I print my e-ticket?" : null);
            http.post(AGENT, target.feedback() + "/greetings", body, "demo-greeting-" + i, Set.of());
        });
    }
}

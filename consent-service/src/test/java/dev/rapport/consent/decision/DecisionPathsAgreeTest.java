package dev.rapport.consent.decision;

import static dev.rapport.consent.support.Api.admin;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.nextSeq;
import static dev.rapport.consent.support.Api.pointEvent;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A decision "now" reads the decision projection (one row per contact, kept by the database in the transaction of every
 * write); a decision as of an instant reads history (the ledger, the points' versions, the merges made by then). Each has
 * a statement for one contact and one for a chunk. After every step of random sequences of writes — points added,
 * changed, removed; grants, withdrawals, objections; policies; outreach (touches) and its delivery outcomes; merges (points
 * moved or folded into the survivor's); erasures — all four must give the same answer for the same instant, for every
 * person, the merged-away ids included. A projection not kept by one of those writes answers differently from history.
 */
@QuarkusTest
class DecisionPathsAgreeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] CHANNELS = {"EMAIL", "SMS"};
    static final String[] PROVENANCES = {"PROVIDED_BY_CONTACT", "IMPORTED", "ENRICHMENT"};
    static final String[] KINDS = {"GRANT", "GRANT", "WITHDRAW", "DENY", "OBJECT"};
    static final String[] OUTCOMES = {"DELIVERED", "BOUNCED", "FAILED"};

    /** One contact as contacts-service knows it: its points (id → address), whom it was merged into, whether erased. */
    static final class Person {
        final UUID id = UUID.randomUUID();
        final Map<UUID, String> points = new LinkedHashMap<>();
        final Map<UUID, String> channels = new HashMap<>();
        Person mergedInto;
        boolean erased;

        Person root() {
            return mergedInto == null ? this : mergedInto.root();
        }
    }

    @Test
    void projectionAndHistoryAgreeAfterEveryRandomWrite() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String newsletter = purpose("newsletter", "CONSENT");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(new Person());
        }
        for (int step = 0; step < 48; step++) {
            Person who = people.get(random.nextInt(people.size()));
            // every run merges and erases at least once, whatever the seed
            int choice = step == 16 ? MERGE : step == 32 ? ERASE : random.nextInt(14);
            String did = write(random, choice, newsletter, who, people);
            Thread.sleep(2);
            assertPathsAgree(people, newsletter, "seed " + seed + ", step " + step + " (" + did + ")");
        }
    }

    private static void assertPathsAgree(List<Person> people, String purpose, String context) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> ids = people.stream().map(p -> p.id).toList();
        for (String channel : CHANNELS) {
            List<String> bulkNow = bulk(ids, purpose, channel, null);
            List<String> bulkAsOf = bulk(ids, purpose, channel, now);
            for (int i = 0; i < ids.size(); i++) {
                String where = context + ", person " + i + ", " + channel;
                String single = single(ids.get(i), purpose, channel, null);
                assertEquals(single(ids.get(i), purpose, channel, now), single, where + ": projection now vs history as of now");
                assertEquals(single, bulkNow.get(i), where + ": single vs bulk now");
                assertEquals(single, bulkAsOf.get(i), where + ": single now vs bulk as of now");
            }
        }
    }

    static final int MERGE = 11;
    static final int ERASE = 13;

    private static String write(Random random, int choice, String purpose, Person person, List<Person> people) {
        if (person.root().erased) {
            return "nothing: erased";
        }
        Person root = person.root();
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        switch (choice) {
            case 0, 1 -> {
                UUID point = UUID.randomUUID();
                root.points.put(point, point + "@example.org");
                root.channels.put(point, channel);
                facts(pointEvent(UUID.randomUUID(), "ADDED", root.id, point, channel, root.points.get(point),
                        PROVENANCES[random.nextInt(PROVENANCES.length)], Instant.now().minus(Duration.ofHours(1))));
                return "point added";
            }
            case 2 -> {
                if (root.points.isEmpty()) {
                    return "nothing";
                }
                UUID point = pick(random, root.points.keySet());
                boolean removed = random.nextInt(4) == 0;
                String address = (random.nextBoolean() ? "moved-" : "") + point + "@example.org";
                facts(pointEvent(UUID.randomUUID(), removed ? "REMOVED" : "UPDATED", root.id, point, root.channels.get(point),
                        address, PROVENANCES[random.nextInt(PROVENANCES.length)], Instant.now().minusSeconds(30)));
                if (removed) {
                    root.points.remove(point);
                } else {
                    root.points.put(point, address);
                }
                return removed ? "point removed" : "point updated";
            }
            case 3, 4, 5 -> {
                String kind = KINDS[random.nextInt(KINDS.length)];
                boolean onPoint = !root.points.isEmpty() && random.nextInt(3) == 0;
                String scope = onPoint ? ",\"contactPointId\":\"" + pick(random, root.points.keySet()) + "\"" : "";
                // recorded under the id asked about: a merged-away id is recorded for its survivor
                record(person.id, kind, purpose, onPoint ? null : channel,
                        scope + ",\"occurredAt\":\"" + Instant.now().minusSeconds(random.nextInt(3600)) + "\"");
                return kind + (onPoint ? " on a point" : " on " + channel);
            }
            case 6, 7 -> {
                Object version = agent().get("/contacts/" + root.id + "/policy").then().statusCode(200).extract().path("version");
                agent().body("{\"preferredChannels\":[\"" + channel + "\"],\"doNotContact\":" + (random.nextInt(5) == 0)
                                + ",\"maxTouches\":" + random.nextInt(4) + ",\"version\":" + version + "}")
                        .put("/contacts/" + root.id + "/policy").then().statusCode(200);
                return "policy";
            }
            case 8, 9 -> {
                as("marketer").body("{\"contactId\":\"" + person.id + "\",\"purpose\":\"" + purpose + "\",\"channel\":\""
                        + channel + "\",\"campaign\":\"paths\"}").post("/outreach/requests").then().statusCode(201);
                return "outreach on " + channel;
            }
            case 10 -> {
                return "delivery outcomes: " + deliver(random, channel, people);
            }
            case 11, 12 -> {
                List<Person> others = people.stream().filter(p -> p.mergedInto == null && !p.erased && p != root).toList();
                if (others.isEmpty()) {
                    return "nothing";
                }
                Person away = others.get(random.nextInt(others.size()));
                merge(random, away, root);
                return "merged " + people.indexOf(away) + " into " + people.indexOf(root);
            }
            default -> {
                int status = admin().post("/contacts/" + root.id + "/erasure").then().extract().statusCode();
                if (status == 404) {
                    return "erasure of a contact never heard of";
                }
                assertEquals(200, status);
                root.erased = true;
                people.add(new Person()); // someone new to write about
                return "erased " + people.indexOf(root);
            }
        }
    }

    /**
     * As contacts-service reports a merge: each of the merged-away contact's points moves to the survivor, or, when the
     * survivor has a point of the same channel, is removed and folded into it; then the merge.
     */
    private static void merge(Random random, Person away, Person survivor) {
        Instant at = Instant.now().minusSeconds(1);
        List<String> events = new ArrayList<>();
        for (Map.Entry<UUID, String> p : away.points.entrySet()) {
            String channel = away.channels.get(p.getKey());
            UUID same = survivor.points.keySet().stream().filter(k -> survivor.channels.get(k).equals(channel)).findFirst().orElse(null);
            if (same != null && random.nextBoolean()) {
                events.add(pointEvent(UUID.randomUUID(), "REMOVED", away.id, p.getKey(), channel, p.getValue(), "PROVIDED_BY_CONTACT", at)
                        .replace("\"provenanceSource\":\"test\"", "\"provenanceSource\":\"test\",\"mergedIntoPointId\":\"" + same + "\""));
            } else {
                events.add(pointEvent(UUID.randomUUID(), "REMOVED", away.id, p.getKey(), channel, p.getValue(), "PROVIDED_BY_CONTACT", at));
                events.add(pointEvent(UUID.randomUUID(), "ADDED", survivor.id, p.getKey(), channel, p.getValue(), "PROVIDED_BY_CONTACT", at));
                survivor.points.put(p.getKey(), p.getValue());
                survivor.channels.put(p.getKey(), channel);
            }
        }
        events.add("[{\"eventId\":\"" + UUID.randomUUID() + "\",\"seq\":" + nextSeq() + ",\"type\":\"contact-point-changed\","
                + "\"occurredAt\":\"" + at + "\",\"payload\":{\"change\":\"MERGED\",\"contactId\":\"" + survivor.id
                + "\",\"mergedContactId\":\"" + away.id + "\"}}]");
        away.points.clear();
        away.mergedInto = survivor;
        facts("[" + String.join(",", events.stream().map(e -> e.substring(1, e.length() - 1)).toList()) + "]");
    }

    /** Pulls the channel's queue and records an outcome for each message of these people (a bounce marks its point). */
    private static int deliver(Random random, String channel, List<Person> people) {
        List<UUID> ours = people.stream().map(p -> p.id).toList();
        List<Map<String, Object>> pulled = integration().body("{\"channel\":\"" + channel + "\",\"max\":500}")
                .post("/outreach/queue/pull").then().statusCode(200).extract().jsonPath().getList("");
        List<String> acks = new ArrayList<>();
        for (Map<String, Object> d : pulled) {
            if (ours.contains(UUID.fromString((String) d.get("contactId")))) {
                acks.add("{\"id\":\"" + d.get("id") + "\",\"leaseId\":\"" + d.get("leaseId") + "\",\"outcome\":\""
                        + OUTCOMES[random.nextInt(OUTCOMES.length)] + "\"}");
            }
        }
        if (!acks.isEmpty()) {
            integration().body("{\"acks\":[" + String.join(",", acks) + "]}").post("/outreach/deliveries/acks").then().statusCode(200);
        }
        return acks.size();
    }

    private static void facts(String batch) {
        integration().body(batch).post("/contact-point-facts/events").then().statusCode(200);
    }

    private static UUID pick(Random random, java.util.Collection<UUID> from) {
        return new ArrayList<>(from).get(random.nextInt(from.size()));
    }

    /** The decision without evaluatedAt (which differs between "now" calls), as comparable text. */
    private static String single(UUID person, String purpose, String channel, Instant at) throws Exception {
        String body = as("marketer").body("{\"contactId\":\"" + person + "\",\"purpose\":\"" + purpose + "\",\"channel\":\""
                        + channel + "\"" + (at == null ? "" : ",\"at\":\"" + at + "\"") + "}")
                .post("/decisions").then().statusCode(200).extract().asString();
        return comparable(JSON.readTree(body));
    }

    private static List<String> bulk(List<UUID> people, String purpose, String channel, Instant at) throws Exception {
        StringBuilder in = new StringBuilder();
        people.forEach(p -> in.append(p).append('\n'));
        String out = as("marketer").contentType("text/plain").body(in.toString())
                .post("/decisions/bulk?purpose=" + purpose + "&channel=" + channel + (at == null ? "" : "&at=" + at))
                .then().statusCode(200).extract().asString();
        List<String> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(comparable(JSON.readTree(line)));
        }
        return lines;
    }

    private static String comparable(JsonNode d) {
        List<String> codes = new ArrayList<>();
        d.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
        return "allowed=" + d.path("allowed").asBoolean() + " reasons=" + codes + " point=" + d.path("contactPointId").asText(null)
                + " evidence=" + d.path("evidenceEventId").asText(null);
    }
}

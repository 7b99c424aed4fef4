package dev.rapport.consent.decision;

import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
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
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The loader has four statements (one contact or a chunk; now from the current contact points, or as of an instant
 * from their history). After random sequences of writes — points added, changed, removed; grants, withdrawals,
 * objections; policies — all four must give the same answer for the same instant.
 */
@QuarkusTest
class DecisionPathsAgreeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] CHANNELS = {"EMAIL", "SMS"};
    static final String[] PROVENANCES = {"PROVIDED_BY_CONTACT", "IMPORTED", "ENRICHMENT"};
    static final String[] KINDS = {"GRANT", "GRANT", "WITHDRAW", "DENY", "OBJECT"};

    @Test
    void singleBulkNowAndAsOfAgreeAfterRandomWrites() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String newsletter = purpose("newsletter", "CONSENT");
        List<UUID> people = new ArrayList<>();
        List<List<UUID>> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(UUID.randomUUID());
            points.add(new ArrayList<>());
        }
        for (int round = 0; round < 4; round++) {
            for (int step = 0; step < 12; step++) {
                int who = random.nextInt(people.size());
                write(random, newsletter, people.get(who), points.get(who));
            }
            Thread.sleep(2);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (String channel : CHANNELS) {
                List<String> bulkNow = bulk(people, newsletter, channel, null);
                List<String> bulkAsOf = bulk(people, newsletter, channel, now);
                for (int i = 0; i < people.size(); i++) {
                    String context = "seed " + seed + ", round " + round + ", person " + i + ", " + channel;
                    String single = single(people.get(i), newsletter, channel, null);
                    assertEquals(single, bulkNow.get(i), context + ": single vs bulk now");
                    assertEquals(single, single(people.get(i), newsletter, channel, now), context + ": now vs as of now");
                    assertEquals(single, bulkAsOf.get(i), context + ": single now vs bulk as of now");
                }
            }
        }
    }

    private static void write(Random random, String purpose, UUID person, List<UUID> points) {
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                UUID point = UUID.randomUUID();
                points.add(point);
                integration().body(pointEvent(UUID.randomUUID(), "ADDED", person, point, channel, point + "@example.org",
                        PROVENANCES[random.nextInt(PROVENANCES.length)], Instant.now().minus(Duration.ofHours(1))))
                        .post("/contact-point-facts/events").then().statusCode(200);
            }
            case 2 -> {
                if (points.isEmpty()) {
                    return;
                }
                UUID point = points.get(random.nextInt(points.size()));
                String change = random.nextInt(4) == 0 ? "REMOVED" : "UPDATED";
                String address = (random.nextBoolean() ? "moved-" : "") + point + "@example.org";
                integration().body(pointEvent(UUID.randomUUID(), change, person, point, channel, address,
                        PROVENANCES[random.nextInt(PROVENANCES.length)], Instant.now().minusSeconds(30)))
                        .post("/contact-point-facts/events").then().statusCode(200);
            }
            case 3, 4 -> {
                String kind = KINDS[random.nextInt(KINDS.length)];
                boolean onPoint = !points.isEmpty() && random.nextInt(3) == 0;
                String scope = onPoint ? ",\"contactPointId\":\"" + points.get(random.nextInt(points.size())) + "\"" : "";
                record(person, kind, purpose, onPoint ? null : channel,
                        scope + ",\"occurredAt\":\"" + Instant.now().minusSeconds(random.nextInt(3600)) + "\"");
            }
            default -> {
                Object version = agent().get("/contacts/" + person + "/policy").then().statusCode(200).extract().path("version");
                agent().body("{\"preferredChannels\":[\"" + channel + "\"],\"doNotContact\":" + (random.nextInt(5) == 0)
                                + ",\"maxTouches\":" + random.nextInt(4) + ",\"version\":" + version + "}")
                        .put("/contacts/" + person + "/policy").then().statusCode(200);
            }
        }
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

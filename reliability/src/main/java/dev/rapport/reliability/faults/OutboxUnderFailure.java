package dev.rapport.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.suite.Suite;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scenario 3: consent-service is down (killed) for a while as contact points are added, changed and removed in
 * contacts-service. When it returns, every change must arrive through the outbox, in order per contact, once in
 * effect: consent-service's facts equal contacts-service's points, every outbox event is recorded exactly once.
 */
final class OutboxUnderFailure implements Scenario {
    static final String MAX_BACKOFF = "10s";

    @Override
    public String name() {
        return "outbox-under-failure";
    }

    @Override
    public String summary() {
        return "consent-service down while contact points change; every change arrives, in order, once";
    }

    @Override
    public Report run(Options o) throws Exception {
        String run = "o" + Long.toString(System.currentTimeMillis(), 36);
        try (Rig rig = Rig.start(o.repo(), List.of(Suite.CONSENT, Suite.CONTACTS),
                b -> b.property(Suite.CONTACTS, "rapport.outbox.max-backoff", MAX_BACKOFF))) {
            List<UUID> contacts = Fixtures.contacts(rig, run, o.contacts());
            double initialSync = awaitSync(rig, contacts, Duration.ofMinutes(2));
            Rig.log("consent-service in sync after " + String.format("%.1f", initialSync) + " s; killing it for "
                    + o.outage().toSeconds() + " s");
            rig.suite.kill(Suite.CONSENT);
            Map<String, Integer> changes = change(rig, run, contacts, o.outage());
            long pending = rig.pg.count("contacts", "select count(*) from outbox where delivered_at is null");
            Rig.log(pending + " changes waiting in the outbox; restarting consent-service");
            long back = System.nanoTime();
            rig.suite.restart(Suite.CONSENT);
            rig.suite.awaitReady(Suite.CONSENT, Duration.ofMinutes(6));
            double ready = (System.nanoTime() - back) / 1e9;
            double caughtUp = awaitSync(rig, contacts, Duration.ofMinutes(5));
            double sinceBack = (System.nanoTime() - back) / 1e9;

            Delivery d = delivery(rig);
            Mismatch m = compare(rig, contacts);
            Report report = new Report("3. Outbox under failure (consent-service down " + o.outage().toSeconds() + " s)",
                    "figure", "value");
            report.row("contacts", contacts.size());
            report.row("points added / updated / removed while down", changes.getOrDefault("added", 0) + " / "
                    + changes.getOrDefault("updated", 0) + " / " + changes.getOrDefault("removed", 0));
            report.row("outbox events pending when it returned", pending);
            report.row("restart to ready (s)", String.format("%.1f", ready));
            report.row("restart to facts in sync (s)", caughtUp < 0 ? "never" : String.format("%.1f", sinceBack));
            report.row("outbox events (all) / still pending", d.outbox + " / " + d.undelivered);
            report.row("events recorded by consent-service / missing / unknown", d.received + " / " + d.missing + " / " + d.unknown);
            report.row("contacts whose events arrived out of order", d.outOfOrder);
            report.row("points compared / facts differing", m.points + " / " + m.differing);
            report.require("every change arrives (no event missing, none pending)", d.missing == 0 && d.undelivered == 0);
            report.require("each event recorded once (no unknown or doubled event)", d.unknown == 0 && d.received == d.outbox);
            report.require("in order per contact", d.outOfOrder == 0);
            report.require("consent-service's facts equal contacts-service's points", m.differing == 0 && caughtUp >= 0);
            report.note("contacts-service relay backoff capped at " + MAX_BACKOFF + " for this run (default 5m)");
            m.examples.stream().limit(5).forEach(e -> report.note("differs: " + e));
            return report;
        }
    }

    /** Adds, changes and removes points for the outage; counts of each. */
    private static Map<String, Integer> change(Rig rig, String run, List<UUID> contacts, Duration outage)
            throws IOException, InterruptedException {
        Map<String, Integer> counts = new HashMap<>();
        long end = System.nanoTime() + outage.toNanos();
        String base = rig.url(Suite.CONTACTS) + "/contacts/";
        for (int round = 0; System.nanoTime() < end; round++) {
            for (int i = 0; i < contacts.size() && System.nanoTime() < end; i++) {
                UUID c = contacts.get(i);
                List<JsonNode> points = new ArrayList<>();
                Api.expect(Fixtures.patiently(() -> rig.api.get(base + c + "/contact-points", rig.admin)), "GET points")
                        .forEach(points::add);
                switch (round % 3) {
                    case 0 -> {
                        Map<String, Object> point = Map.of("channel", "EMAIL", "address", run + "-" + i + "-" + round
                                + "@example.org", "context", "WORK", "provenance", Map.of("kind", "ENRICHMENT", "source", "faults"));
                        Api.Answer a = Fixtures.patiently(() -> rig.api.post(base + c + "/contact-points", rig.admin, point));
                        if (a.status() != 409) { // 409: a timed-out first attempt had added it
                            Api.expect(a, "add point");
                        }
                        counts.merge("added", 1, Integer::sum);
                    }
                    case 1 -> {
                        for (JsonNode p : points) {
                            String flipped = "WORK".equals(p.path("context").asText()) ? "PERSONAL" : "WORK";
                            Api.expect(Fixtures.patiently(() -> rig.api.put(base + c + "/contact-points/" + p.path("id").asText(),
                                    rig.admin, Map.of("context", flipped))), "update point");
                            counts.merge("updated", 1, Integer::sum);
                        }
                    }
                    default -> {
                        if (points.size() > 1) {
                            String last = points.get(points.size() - 1).path("id").asText();
                            Api.Answer a = Fixtures.patiently(() -> rig.api.delete(base + c + "/contact-points/" + last, rig.admin));
                            if (a.status() != 404) { // 404: a timed-out first attempt had removed it
                                Api.expect(a, "remove point");
                            }
                            counts.merge("removed", 1, Integer::sum);
                        }
                    }
                }
            }
            Thread.sleep(500);
        }
        return counts;
    }

    /** Seconds until consent-service's facts match contacts-service's points, or -1. */
    private static double awaitSync(Rig rig, List<UUID> contacts, Duration limit) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < limit.toNanos()) {
            if (compare(rig, contacts).differing == 0) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(1000);
        }
        return -1;
    }

    record Mismatch(int points, int differing, List<String> examples) {
    }

    /** Current points (id, channel, context, provenance) in contacts-service against consent-service's live facts. */
    static Mismatch compare(Rig rig, List<UUID> contacts) throws IOException, InterruptedException {
        int points = 0;
        List<String> differing = new ArrayList<>();
        for (UUID c : contacts) {
            Set<String> truth = new TreeSet<>();
            Api.expect(Fixtures.patiently(() -> rig.api.get(rig.url(Suite.CONTACTS) + "/contacts/" + c + "/contact-points",
                    rig.admin)), "GET points")
                    .forEach(p -> truth.add(p.path("id").asText() + " " + p.path("channel").asText() + " "
                            + p.path("context").asText() + " " + p.path("provenance").path("kind").asText()));
            Set<String> facts = new TreeSet<>();
            Api.Answer a = Fixtures.patiently(() -> rig.api.get(rig.url(Suite.CONSENT) + "/contacts/" + c + "/contact-points",
                    rig.admin));
            if (a.ok()) {
                a.body().forEach(f -> {
                    if (f.path("removedAt").isMissingNode() || f.path("removedAt").isNull()) {
                        facts.add(f.path("contactPointId").asText() + " " + f.path("channel").asText() + " "
                                + f.path("context").asText() + " " + f.path("provenance").asText());
                    }
                });
            }
            points += truth.size();
            if (!truth.equals(facts)) {
                differing.add(c + ": contacts " + truth + " consent " + facts);
            }
        }
        return new Mismatch(points, differing.size(), differing);
    }

    record Delivery(long outbox, long undelivered, long received, long missing, long unknown, long outOfOrder) {
    }

    /** Every outbox event against what consent-service recorded, and the order it recorded them in per contact. */
    private static Delivery delivery(Rig rig) throws SQLException {
        Map<String, Long> sent = new HashMap<>();
        for (String[] r : rig.pg.query("contacts", "select event_id, seq from outbox")) {
            sent.put(r[0], Long.parseLong(r[1]));
        }
        long undelivered = rig.pg.count("contacts", "select count(*) from outbox where delivered_at is null");
        List<String[]> received = rig.pg.query("consent",
                "select event_id, seq, contact_id, extract(epoch from received_at) from contact_point_fact_events");
        long unknown = received.stream().filter(r -> !sent.containsKey(r[0])).count();
        Set<String> got = received.stream().map(r -> r[0]).collect(Collectors.toSet());
        long missing = sent.keySet().stream().filter(id -> !got.contains(id)).count();
        long outOfOrder = received.stream().collect(Collectors.groupingBy(r -> r[2])).values().stream().filter(events -> {
            List<String[]> byArrival = new ArrayList<>(events);
            byArrival.sort(Comparator.<String[]>comparingDouble(r -> Double.parseDouble(r[3])).thenComparingLong(r -> Long.parseLong(r[1])));
            for (int i = 1; i < byArrival.size(); i++) {
                if (Long.parseLong(byArrival.get(i)[1]) < Long.parseLong(byArrival.get(i - 1)[1])) {
                    return true;
                }
            }
            return false;
        }).count();
        return new Delivery(sent.size(), undelivered, received.size(), missing, unknown, outOfOrder);
    }
}

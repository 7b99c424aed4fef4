package dev.rapport.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.suite.Suite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 1: clients write consent events, interactions and survey responses concurrently while the services are
 * killed with {@code kill -9} and restarted, one after the other. A client sends each write with the API's
 * idempotency mechanism (interactions: source + externalId; consent events and responses: Idempotency-Key) and sends
 * it again when it got no answer or a 5xx, as a real client would. Every acknowledged write must then be there
 * exactly once, and every consent chain must verify.
 */
final class CrashDuringWrites implements Scenario {
    private static final List<String> VICTIMS = List.of(Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK);
    private static final List<String> KINDS = List.of("interaction", "consent event", "survey response");
    private static final Duration GIVE_UP_AFTER_END = Duration.ofSeconds(90);

    /** One logical write; {@code key} is its identity for the service and for the check. */
    record Write(String kind, String key, UUID target) {
    }

    private final Map<String, Write> attempted = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
    private final List<String> rejections = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public String name() {
        return "crash-during-writes";
    }

    @Override
    public String summary() {
        return "kill -9 and restart the services while clients write; nothing acknowledged is lost or doubled";
    }

    @Override
    public Report run(Options o) throws Exception {
        String run = "w" + Long.toString(System.currentTimeMillis(), 36);
        attempted.clear();
        acknowledged.clear();
        retries.clear();
        rejected.clear();
        rejections.clear();
        try (Rig rig = Rig.start(o.repo(), List.of(Suite.CONSENT, Suite.CONTACTS, Suite.FEEDBACK), b -> { })) {
            Fixtures.purpose(rig);
            List<UUID> contacts = Fixtures.contacts(rig, run, o.contacts());
            Consultation consultation = Consultation.open(rig, run, Math.max(200, (int) o.duration().toSeconds() * 5));
            Rig.log("writing with " + o.writers() + " clients for " + o.duration().toSeconds() + " s, " + o.kills() + " kills");

            long start = System.nanoTime();
            long end = start + o.duration().toNanos();
            AtomicLong sequence = new AtomicLong();
            ExecutorService writers = Executors.newFixedThreadPool(o.writers());
            java.util.concurrent.atomic.AtomicBoolean killing = new java.util.concurrent.atomic.AtomicBoolean(true);
            for (int w = 0; w < o.writers(); w++) {
                int kind = w % KINDS.size();
                writers.submit(() -> {
                    while ((System.nanoTime() < end || killing.get()) && !Thread.currentThread().isInterrupted()) {
                        long n = sequence.getAndIncrement();
                        write(rig, next(run, n, kind, contacts, consultation), consultation, end);
                    }
                    return null;
                });
            }
            List<String> killed = new ArrayList<>();
            double downSeconds = 0;
            try {
                for (int k = 0; k < o.kills(); k++) {
                    long at = start + o.duration().toNanos() * (k + 1) / (o.kills() + 1);
                    Thread.sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
                    String victim = VICTIMS.get(k % VICTIMS.size());
                    Rig.log("kill -9 " + victim);
                    double down = rig.crashAndRestart(victim, Duration.ofSeconds(1));
                    Rig.log(victim + " ready again after " + String.format("%.1f", down) + " s");
                    killed.add(victim);
                    downSeconds += down;
                }
            } finally {
                killing.set(false);
            }
            writers.shutdown();
            if (!writers.awaitTermination(o.duration().toSeconds() + GIVE_UP_AFTER_END.toSeconds() + 60, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
            logAcknowledged(o);
            return check(rig, contacts, consultation, killed, downSeconds);
        }
    }

    /** The next write of one client; each client writes one kind, as separate integrations would. */
    private Write next(String run, long n, int kind, List<UUID> contacts, Consultation consultation) {
        String key = run + "-" + n;
        UUID contact = contacts.get((int) (n % contacts.size()));
        return switch (kind) {
            case 0 -> new Write(KINDS.get(0), key, contact);
            case 1 -> new Write(KINDS.get(1), key, contact);
            default -> {
                UUID invitation = consultation.nextInvitation();
                yield invitation == null ? new Write(KINDS.get(0), key, contact) : new Write(KINDS.get(2), key, invitation);
            }
        };
    }

    /** Sends one write until it is acknowledged, refused, or the client gives up after the run. */
    private void write(Rig rig, Write w, Consultation consultation, long end) throws InterruptedException {
        attempted.put(w.key(), w);
        long giveUp = end + GIVE_UP_AFTER_END.toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                Api.Answer a = send(rig, w, consultation);
                if (a.ok()) {
                    acknowledged.put(w.key(), a.body().path("id").asText());
                    return;
                }
                if (!a.transientFailure()) {
                    rejected.computeIfAbsent(w.kind(), k -> new AtomicInteger()).incrementAndGet();
                    rejections.add(w.kind() + " " + w.key() + ": " + a.status() + " " + a.body().path("type").asText());
                    return;
                }
            } catch (IOException noAnswer) {
                // killed mid-request, refused while restarting, or timed out: send the same write again
            }
            retries.computeIfAbsent(w.kind(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(250);
        }
    }

    private Api.Answer send(Rig rig, Write w, Consultation consultation) throws IOException, InterruptedException {
        Map<String, String> key = Map.of("Idempotency-Key", w.key());
        if (w.kind().equals(KINDS.get(0))) {
            return rig.api.post(rig.url(Suite.CONTACTS) + "/interactions", rig.integration, Map.of("contactId", w.target(),
                    "type", "PAGE_VIEW", "occurredAt", Instant.now().toString(), "source", "faults", "externalId", w.key()));
        }
        if (w.kind().equals(KINDS.get(1))) {
            long n = Long.parseLong(w.key().substring(w.key().lastIndexOf('-') + 1));
            return rig.api.post(rig.url(Suite.CONSENT) + "/contacts/" + w.target() + "/consent-events", rig.integration,
                    Map.of("kind", n % 2 == 0 ? "GRANT" : "WITHDRAW", "purpose", Fixtures.PURPOSE, "channel", "EMAIL",
                            "source", "API", "evidence", Map.of("formId", w.key())), key);
        }
        return rig.api.post(rig.url(Suite.FEEDBACK) + "/responses", rig.marketer, Map.of("invitationId", w.target(),
                "ratings", List.of(Map.of("initiativeId", consultation.initiative(), "bucket", "ESSENTIAL"))), key);
    }

    private void logAcknowledged(Options o) throws IOException {
        Files.createDirectories(o.workDir());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(o.workDir().resolve(name() + ".acknowledged.log")))) {
            acknowledged.forEach((key, id) -> out.println(attempted.get(key).kind() + "\t" + key + "\t" + id));
        }
    }

    private Report check(Rig rig, List<UUID> contacts, Consultation consultation, List<String> killed, double down)
            throws IOException, InterruptedException {
        Rig.log("checking " + acknowledged.size() + " acknowledged writes");
        Map<String, Integer> stored = new HashMap<>();
        int chains = 0;
        int brokenChains = 0;
        for (UUID c : contacts) {
            for (JsonNode i : Fixtures.all(rig, rig.url(Suite.CONTACTS) + "/contacts/" + c + "/interactions?limit=500", rig.admin)) {
                if ("faults".equals(i.path("source").asText())) {
                    stored.merge(i.path("externalId").asText(), 1, Integer::sum);
                }
            }
            for (JsonNode e : Fixtures.all(rig, rig.url(Suite.CONSENT) + "/contacts/" + c + "/consent-events?limit=1000", rig.admin)) {
                stored.merge(e.path("evidence").path("formId").asText(), 1, Integer::sum);
            }
            JsonNode chain = Api.expect(Fixtures.patiently(() -> rig.api.get(rig.url(Suite.CONSENT) + "/contacts/" + c
                    + "/consent-chain", rig.admin)), "GET consent-chain");
            chains++;
            if (!chain.path("valid").asBoolean()) {
                brokenChains++;
            }
        }
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            if (attempted.get(ack.getKey()).kind().equals(KINDS.get(2))) {
                Api.Answer r = rig.api.get(rig.url(Suite.FEEDBACK) + "/responses/" + ack.getValue(), rig.admin);
                stored.put(ack.getKey(), r.ok() ? 1 : 0);
            }
        }
        long respondents = consultation.respondents(rig);
        long responsesWritten = attempted.values().stream().filter(w -> w.kind().equals(KINDS.get(2))).count();

        Report report = new Report("1. Crash during writes (" + killed.size() + " kills: " + String.join(", ", killed) + ")",
                "write", "attempted", "acknowledged", "found", "duplicated", "lost", "retries", "refused");
        long totalLost = 0;
        long totalDup = 0;
        for (String kind : KINDS) {
            List<Write> ofKind = attempted.values().stream().filter(w -> w.kind().equals(kind)).toList();
            long acked = ofKind.stream().filter(w -> acknowledged.containsKey(w.key())).count();
            long found = ofKind.stream().filter(w -> acknowledged.containsKey(w.key()) && stored.getOrDefault(w.key(), 0) > 0).count();
            long dup = kind.equals(KINDS.get(2)) ? Math.max(0, respondents - responsesWritten)
                    : ofKind.stream().mapToLong(w -> Math.max(0, stored.getOrDefault(w.key(), 0) - 1)).sum();
            long lost = acked - found;
            totalLost += lost;
            totalDup += dup;
            report.row(kind, ofKind.size(), acked, found, dup, lost, retries.getOrDefault(kind, new AtomicInteger()).get(),
                    rejected.getOrDefault(kind, new AtomicInteger()).get());
        }
        report.row("consent chains", contacts.size(), "", chains - brokenChains + " verify", brokenChains + " broken", "", "", "");
        report.require("every acknowledged write is stored (lost = 0)", totalLost == 0);
        report.require("no write is stored twice (duplicated = 0)", totalDup == 0);
        report.require("every consent chain verifies", brokenChains == 0);
        report.require("no write was refused", rejections.isEmpty());
        report.require("the run acknowledged writes of every kind", KINDS.stream().allMatch(k ->
                attempted.values().stream().anyMatch(w -> w.kind().equals(k) && acknowledged.containsKey(w.key()))));
        report.note(String.format("%d kill -9 / restart cycles, %.1f s from kill to ready on average", killed.size(),
                killed.isEmpty() ? 0 : down / killed.size()));
        rejections.stream().limit(5).forEach(r -> report.note("refused: " + r));
        return report;
    }

    /** An open consultation with invitations the clients answer, one response per invitation. */
    static final class Consultation {
        private final String id;
        private final String initiative;
        private final List<UUID> invitations;
        private final AtomicInteger used = new AtomicInteger();

        private Consultation(String id, String initiative, List<UUID> invitations) {
            this.id = id;
            this.initiative = initiative;
            this.invitations = invitations;
        }

        static Consultation open(Rig rig, String run, int size) throws IOException, InterruptedException {
            String feedback = rig.url(Suite.FEEDBACK);
            JsonNode c = Api.expect(Fixtures.patiently(() -> rig.api.post(feedback + "/consultations", rig.marketer,
                    Map.of("title", "Faults " + run, "purpose", "Fault scenario", "initiatives",
                            List.of(Map.of("title", "A"), Map.of("title", "B"))))), "POST /consultations");
            String id = c.path("id").asText();
            Api.expect(Fixtures.patiently(() -> rig.api.post(feedback + "/consultations/" + id + "/status", rig.marketer,
                    Map.of("status", "OPEN"))), "open consultation");
            List<Map<String, Object>> audience = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                audience.add(Map.of("contactId", UUID.randomUUID()));
            }
            Api.expect(Fixtures.patiently(() -> rig.api.post(feedback + "/consultations/" + id + "/invitations", rig.marketer,
                    new LinkedHashMap<>(Map.of("audience", audience)))), "POST invitations");
            List<UUID> invitations = new ArrayList<>();
            for (JsonNode i : Fixtures.all(rig, feedback + "/consultations/" + id + "/invitations?limit=1000", rig.marketer)) {
                invitations.add(UUID.fromString(i.path("id").asText()));
            }
            return new Consultation(id, c.path("initiatives").get(0).path("id").asText(), invitations);
        }

        UUID nextInvitation() {
            int i = used.getAndIncrement();
            return i < invitations.size() ? invitations.get(i) : null;
        }

        String initiative() {
            return initiative;
        }

        long respondents(Rig rig) throws IOException, InterruptedException {
            return Api.expect(rig.api.get(rig.url(Suite.FEEDBACK) + "/consultations/" + id + "/priorities", rig.marketer),
                    "GET priorities").path("respondents").asLong();
        }
    }
}

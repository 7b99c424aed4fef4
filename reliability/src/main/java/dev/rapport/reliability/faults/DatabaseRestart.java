package dev.rapport.reliability.faults;

import dev.rapport.devstack.testing.suite.Suite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario 2: the three services share one PostgreSQL that is restarted with {@code pg_ctl restart -m immediate}
 * under load. The services must reconnect by themselves (same processes), no request may hang past the client's
 * timeout, errors must stop, and each service's readiness must go not-ready while the database is away and ready
 * again after.
 */
final class DatabaseRestart implements Scenario {
    private static final List<String> MEMBERS = List.of(Suite.CONSENT, Suite.CONTACTS, Suite.FEEDBACK);
    private static final Duration QUIET_TAIL = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "database-restart";
    }

    @Override
    public String summary() {
        return "pg_ctl restart -m immediate under load: reconnect, no hang, errors stop, readiness down then up";
    }

    @Override
    public Report run(Options o) throws Exception {
        String run = "d" + Long.toString(System.currentTimeMillis(), 36);
        try (Rig rig = Rig.start(o.repo(), MEMBERS, b -> { })) {
            Fixtures.purpose(rig);
            List<UUID> contacts = Fixtures.contacts(rig, run, o.contacts());
            Map<String, Long> pids = new LinkedHashMap<>();
            MEMBERS.forEach(m -> pids.put(m, rig.suite.process(m).pid()));
            Readiness readiness = new Readiness(rig);
            double restartAt;
            double backAt;
            List<Load.Outcome> outcomes;
            Duration duration = o.duration().compareTo(Duration.ofSeconds(40)) < 0 ? Duration.ofSeconds(40) : o.duration();
            try (Load load = new Load(o.writers(), List.of(Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK), List.of(
                    n -> rig.api.post(rig.url(Suite.CONTACTS) + "/interactions", rig.integration, Map.of("contactId",
                            contacts.get((int) (n % contacts.size())), "type", "PAGE_VIEW", "occurredAt", Instant.now().toString(),
                            "source", "faults", "externalId", run + "-" + n)),
                    n -> rig.api.post(rig.url(Suite.CONSENT) + "/decisions", rig.integration, Map.of("contactId",
                            contacts.get((int) (n % contacts.size())), "purpose", Fixtures.PURPOSE, "channel", "EMAIL")),
                    n -> rig.api.get(rig.url(Suite.FEEDBACK) + "/consultations?limit=5", rig.marketer)))) {
                readiness.start(load);
                Thread.sleep(duration.toMillis() / 4);
                restartAt = load.now();
                Rig.log("pg_ctl restart -m immediate");
                rig.pg.restartImmediately();
                backAt = load.now();
                Rig.log("PostgreSQL back after " + String.format("%.1f", backAt - restartAt) + " s");
                Thread.sleep(Math.max(0, (long) ((duration.toMillis() / 1000.0 - load.now()) * 1000)));
                outcomes = load.outcomes();
                readiness.stop();
            }
            return report(o, rig, pids, readiness, outcomes, restartAt, backAt);
        }
    }

    private static Report report(Options o, Rig rig, Map<String, Long> pids, Readiness readiness, List<Load.Outcome> outcomes,
            double restartAt, double backAt) {
        double end = outcomes.stream().mapToDouble(Load.Outcome::startSeconds).max().orElse(0);
        Report report = new Report("2. Database restart (pg_ctl restart -m immediate under load)", "service", "requests",
                "errors before", "errors after", "last error (s after restart)", "hung > timeout", "max latency (s)",
                "readiness", "same process");
        boolean quietTail = true;
        boolean noHang = true;
        boolean readinessCycled = true;
        boolean samePids = true;
        for (String m : MEMBERS) {
            List<Load.Outcome> mine = outcomes.stream().filter(x -> x.kind().equals(m)).toList();
            long before = mine.stream().filter(x -> x.startSeconds() < restartAt && !x.ok()).count();
            long after = mine.stream().filter(x -> x.startSeconds() >= restartAt && !x.ok()).count();
            double lastError = mine.stream().filter(x -> !x.ok()).mapToDouble(x -> x.startSeconds() + x.nanos() / 1e9).max()
                    .orElse(Double.NaN);
            long tail = mine.stream().filter(x -> x.startSeconds() > end - QUIET_TAIL.toSeconds() && !x.ok()).count();
            long hung = mine.stream().filter(Load.Outcome::timedOut).count();
            double maxLatency = mine.stream().mapToLong(Load.Outcome::nanos).max().orElse(0) / 1e9;
            String cycle = readiness.cycle(m, restartAt);
            boolean alive = rig.suite.process(m).isAlive() && rig.suite.process(m).pid() == pids.get(m);
            report.row(m, mine.size(), before, after, Double.isNaN(lastError) ? "none" : String.format("%.1f", lastError - restartAt),
                    hung, String.format("%.2f", maxLatency), cycle, alive);
            quietTail &= tail == 0 && before == 0;
            noHang &= hung == 0;
            readinessCycled &= readiness.cycled(m, restartAt);
            samePids &= alive;
        }
        report.require("services reconnect without a restart (same processes)", samePids);
        report.require("no request hangs past the client timeout (10 s)", noHang);
        report.require("the error rate returns to 0 (none in the last " + QUIET_TAIL.toSeconds() + " s)", quietTail);
        report.require("/q/health/ready goes not-ready, then ready", readinessCycled);
        report.note(String.format("PostgreSQL was back %.1f s after the restart began; load ran %.0f s with %d client threads",
                backAt - restartAt, end, o.writers()));
        return report;
    }

    /** Polls each service's readiness and keeps every change with its time. */
    static final class Readiness {
        private final Rig rig;
        private final Map<String, List<double[]>> changes = new LinkedHashMap<>();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        private Thread poller;
        private volatile boolean running = true;

        Readiness(Rig rig) {
            this.rig = rig;
            MEMBERS.forEach(m -> changes.put(m, Collections.synchronizedList(new ArrayList<>())));
        }

        void start(Load load) {
            poller = new Thread(() -> {
                Map<String, Integer> last = new LinkedHashMap<>();
                while (running) {
                    for (String m : MEMBERS) {
                        int status = probe(m);
                        if (!Integer.valueOf(status).equals(last.put(m, status))) {
                            changes.get(m).add(new double[] {load.now(), status});
                        }
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "readiness");
            poller.setDaemon(true);
            poller.start();
        }

        private int probe(String member) {
            try {
                HttpRequest r = HttpRequest.newBuilder(URI.create(rig.url(member) + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
                return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void stop() throws InterruptedException {
            running = false;
            poller.join(5000);
        }

        /** The readiness changes after the restart, e.g. "not-ready 0.4 s, ready 3.1 s". */
        String cycle(String member, double restartAt) {
            List<String> seen = new ArrayList<>();
            for (double[] c : after(member, restartAt)) {
                seen.add((c[1] == 200 ? "ready" : "not-ready") + String.format(" %.1f s", c[0] - restartAt));
            }
            return seen.isEmpty() ? "stayed ready" : String.join(", ", seen);
        }

        /** Not ready at some point after the restart, and ready at the end. */
        boolean cycled(String member, double restartAt) {
            List<double[]> after = after(member, restartAt);
            return after.stream().anyMatch(c -> c[1] != 200) && !after.isEmpty() && after.get(after.size() - 1)[1] == 200;
        }

        private List<double[]> after(String member, double restartAt) {
            synchronized (changes.get(member)) {
                return changes.get(member).stream().filter(c -> c[0] >= restartAt).toList();
            }
        }
    }
}

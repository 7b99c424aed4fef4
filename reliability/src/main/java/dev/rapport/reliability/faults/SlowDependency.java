package dev.rapport.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.suite.Suite;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Scenario 4: in-JVM TCP proxies between the gateway and consent-service and between consent-service and its
 * PostgreSQL add latency and cut connections, phase by phase. The gateway must answer within its bound with the
 * contact's own fields (a partial answer), decisions must fail closed ({@code mayContact} → no,
 * {@code consent-unavailable}), the circuit breaker must open (fast answers) and close again when the fault heals,
 * and consent-service must recover its database connections by itself.
 */
final class SlowDependency implements Scenario {
    /** The gateway's consent client: 2 s timeout, retries within 4 s (docs/gateway.md); this allows 1 s on top. */
    static final long GATEWAY_BOUND_MS = 5000;
    static final long FAULT_LATENCY_MS = 3000;
    /** Answers faster than this under a +3 s dependency can only come from an open circuit breaker. */
    static final long FAST_MS = 1000;
    static final int GATEWAY_CLIENTS = 3;

    record Phase(String name, boolean consentFaulted, Consumer<SlowDependency> enter) {
    }

    record Probe(String phase, double atSeconds, long millis, boolean contact, Boolean allowed, boolean unavailable, boolean timedOut) {
    }

    private TcpProxy toConsent;
    private TcpProxy toDatabase;

    @Override
    public String name() {
        return "slow-dependency";
    }

    @Override
    public String summary() {
        return "latency and dropped connections gateway→consent and consent→PostgreSQL: bounded, partial, fail closed";
    }

    @Override
    public Report run(Options o) throws Exception {
        String run = "s" + Long.toString(System.currentTimeMillis(), 36);
        List<Phase> phases = List.of(
                new Phase("baseline", false, s -> { }),
                new Phase("gateway→consent +" + FAULT_LATENCY_MS + " ms", true, s -> s.toConsent.latency(FAULT_LATENCY_MS)),
                new Phase("gateway→consent dropped", true, s -> s.toConsent.drop(true)),
                new Phase("healed", false, s -> s.toConsent.heal()),
                new Phase("consent→PostgreSQL +" + FAULT_LATENCY_MS + " ms", true, s -> s.toDatabase.latency(FAULT_LATENCY_MS)),
                new Phase("consent→PostgreSQL dropped", true, s -> s.toDatabase.drop(true)),
                new Phase("healed again", false, s -> s.toDatabase.heal()));
        Duration phaseLength = Duration.ofSeconds(Math.max(20, o.duration().toSeconds() / phases.size()));
        try (TcpProxy consentProxy = new TcpProxy(0); Rig rig = startRig(o, consentProxy)) {
            toConsent = consentProxy;
            toConsent.target(rig.suite.port(Suite.CONSENT));
            Fixtures.purpose(rig);
            List<UUID> contacts = Fixtures.contacts(rig, run, 3);
            for (UUID c : contacts) {
                Api.expect(rig.api.post(rig.url(Suite.CONSENT) + "/contacts/" + c + "/consent-events", rig.admin, Map.of(
                        "kind", "GRANT", "purpose", Fixtures.PURPOSE, "channel", "EMAIL", "source", "API")), "grant");
            }
            String agent = dev.rapport.devstack.testing.Tokens.issue("faults-agent", List.of("agent"), null, 24 * 3600);
            awaitAllowed(rig, agent, contacts.get(0));

            List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
            List<Probe> direct = Collections.synchronizedList(new ArrayList<>());
            long t0 = System.nanoTime();
            for (Phase phase : phases) {
                Rig.log("phase: " + phase.name());
                phase.enter().accept(this);
                long end = System.nanoTime() + phaseLength.toNanos();
                Thread directThread = new Thread(() -> decideDirectly(rig, contacts.get(1), phase.name(), end, t0, direct));
                directThread.start();
                List<Thread> askers = new ArrayList<>();
                for (int i = 0; i < GATEWAY_CLIENTS; i++) {
                    Thread asker = new Thread(() -> {
                        try {
                            while (System.nanoTime() < end) {
                                probes.add(ask(rig, agent, contacts.get(0), phase.name(), t0));
                                Thread.sleep(100);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    asker.start();
                    askers.add(asker);
                }
                for (Thread asker : askers) {
                    asker.join(20_000);
                }
                directThread.join(20_000);
            }
            toConsent.heal();
            toDatabase.heal();
            return report(phases, probes, direct, phaseLength);
        } finally {
            if (toDatabase != null) {
                toDatabase.close();
            }
        }
    }

    private Rig startRig(Options o, TcpProxy consentProxy) throws IOException {
        // the database proxy needs PostgreSQL's port, known once the rig's PostgreSQL runs: start it pointing nowhere
        toDatabase = new TcpProxy(0);
        return Rig.start(o.repo(), List.of(Suite.CONSENT, Suite.CONTACTS, Suite.GATEWAY), (pg, b) -> {
                    toDatabase.target(pg.port());
                    b.database(Suite.CONSENT, pg.url("consent", toDatabase.port()));
                    b.environment(Suite.GATEWAY, "RAPPORT_CONSENT_URL", "http://localhost:" + consentProxy.port());
        });
    }

    private static void awaitAllowed(Rig rig, String agent, UUID contact) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Probe p = ask(rig, agent, contact, "warm-up", System.nanoTime());
            if (Boolean.TRUE.equals(p.allowed())) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("mayContact never said yes before the faults (contact points not delivered?)");
    }

    static Probe ask(Rig rig, String token, UUID contact, String phase, long t0) throws InterruptedException {
        String query = "{ contact(id: \"" + contact + "\") { id displayName mayContact(purpose: \"" + Fixtures.PURPOSE
                + "\", channel: EMAIL) { allowed reasons { code } } } }";
        long s = System.nanoTime();
        try {
            Api.Answer a = rig.api.post(rig.url(Suite.GATEWAY) + "/graphql", token, Map.of("query", query));
            long ms = (System.nanoTime() - s) / 1_000_000;
            JsonNode c = a.body().path("data").path("contact");
            JsonNode decision = c.path("mayContact");
            Boolean allowed = decision.path("allowed").isBoolean() ? decision.path("allowed").asBoolean() : null;
            boolean unavailable = decision.path("reasons").findValuesAsText("code").contains("consent-unavailable");
            return new Probe(phase, (s - t0) / 1e9, ms, c.path("id").isTextual(), allowed, unavailable, false);
        } catch (IOException e) {
            return new Probe(phase, (s - t0) / 1e9, (System.nanoTime() - s) / 1_000_000, false, null, false,
                    e instanceof HttpTimeoutException);
        }
    }

    /** consent-service's own /decisions while its database is slow or gone: errors are fine, hanging is not. */
    private static void decideDirectly(Rig rig, UUID contact, String phase, long end, long t0, List<Probe> out) {
        while (System.nanoTime() < end) {
            long s = System.nanoTime();
            boolean timedOut = false;
            Boolean allowed = null;
            try {
                Api.Answer a = rig.api.post(rig.url(Suite.CONSENT) + "/decisions", rig.integration,
                        Map.of("contactId", contact, "purpose", Fixtures.PURPOSE, "channel", "EMAIL"));
                allowed = a.ok() ? a.body().path("allowed").asBoolean() : null;
            } catch (HttpTimeoutException e) {
                timedOut = true;
            } catch (IOException e) {
                // refused: counted as an error
            } catch (InterruptedException e) {
                return;
            }
            out.add(new Probe(phase, (s - t0) / 1e9, (System.nanoTime() - s) / 1_000_000, true, allowed, false, timedOut));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Report report(List<Phase> phases, List<Probe> probes, List<Probe> direct, Duration phaseLength) {
        Report report = new Report("4. Slow dependency (" + phaseLength.toSeconds() + " s per phase)", "phase",
                "gateway answers", "max / median ms", "contact present", "allowed", "consent-unavailable",
                "breaker fast (2nd half < " + FAST_MS + " ms)", "direct /decisions ok / errors / hung", "direct max ms");
        for (Phase phase : phases) {
            List<Probe> mine = probes.stream().filter(p -> p.phase().equals(phase.name())).sorted(java.util.Comparator.comparingDouble(Probe::atSeconds)).toList();
            List<Probe> own = direct.stream().filter(p -> p.phase().equals(phase.name())).toList();
            long max = mine.stream().mapToLong(Probe::millis).max().orElse(0);
            long median = mine.stream().mapToLong(Probe::millis).sorted().skip(mine.size() / 2).findFirst().orElse(0);
            long present = mine.stream().filter(Probe::contact).count();
            long allowed = mine.stream().filter(p -> Boolean.TRUE.equals(p.allowed())).count();
            long unavailable = mine.stream().filter(Probe::unavailable).count();
            List<Probe> secondHalf = mine.subList(mine.size() / 2, mine.size());
            long fast = secondHalf.stream().filter(p -> p.millis() < FAST_MS).count();
            long ownOk = own.stream().filter(p -> p.allowed() != null).count();
            long ownHung = own.stream().filter(Probe::timedOut).count();
            long ownMax = own.stream().mapToLong(Probe::millis).max().orElse(0);
            report.row(phase.name(), mine.size(), max + " / " + median, present, allowed, unavailable,
                    phase.consentFaulted() ? fast + " of " + secondHalf.size() : "", ownOk + " / " + (own.size() - ownOk - ownHung)
                            + " / " + ownHung, ownMax);
            report.require("the gateway answers within " + GATEWAY_BOUND_MS + " ms", max <= GATEWAY_BOUND_MS);
            report.require("every answer carries the contact (partial, not failed)", present == mine.size());
            if (!phase.name().startsWith("consent→PostgreSQL +")) {
                // with every database round trip slowed, consent-service's own answers are slow by design (it sets no
                // query timeout); the gateway's timeout is what bounds callers, checked above
                report.require("no request to consent-service hangs past the client timeout", ownHung == 0);
            }
            if (phase.consentFaulted()) {
                report.require("decisions fail closed: no yes, reason consent-unavailable, while consent is faulted",
                        allowed == 0 && unavailable == mine.size());
            } else {
                boolean recovered = !mine.isEmpty() && Boolean.TRUE.equals(mine.get(mine.size() - 1).allowed());
                report.require("healthy or healed: mayContact says yes again", recovered);
                long ownLastOk = own.isEmpty() ? 0 : own.get(own.size() - 1).allowed() == null ? 0 : 1;
                report.require("consent-service answers /decisions again by itself after the fault", ownLastOk == 1);
            }
            if (phase.name().startsWith("gateway→consent +")) {
                report.require("the circuit breaker opens under a slow consent-service (fast answers)", fast * 2 >= secondHalf.size());
            }
        }
        return report;
    }
}

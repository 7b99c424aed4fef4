package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Decides: {@link DecisionQueries} reads the facts (its SQL, its row mappers), {@link DecisionEngine} applies the rules. */
@ApplicationScoped
public class DecisionService {
    @Inject
    DecisionQueries decisionQueries;
    @Inject
    ConsentConfig config;

    public Uni<Decision> decide(DecisionRequest in) {
        return decide(null, in);
    }

    /** Decides on the given connection (an outreach transaction passes its own, so it sees its own lock); null: pooled. */
    public Uni<Decision> decide(SqlClient sql, DecisionRequest in) {
        Instant at = instant(in.at());
        List<UUID> ids = List.of(in.contactId());
        int days = defaults().windowDays();
        return (sql == null ? decisionQueries.load(ids, in.purpose(), at, in.at() != null, days)
                : decisionQueries.load(sql, ids, in.purpose(), at, in.at() != null, days))
                .map(l -> DecisionEngine.decide(l.facts().get(0), l.purpose(), in.channel(), in.contactPointId(), at, defaults(),
                        l.rules()));
    }

    /** Decisions for a chunk of an audience, in the order given; {@code asOf}: at a given instant rather than now. */
    public Uni<List<Decision>> decideAll(List<UUID> contactIds, String purpose, Channel channel, Instant at, boolean asOf) {
        return decisionQueries.load(contactIds, purpose, at, asOf, defaults().windowDays())
                .map(l -> l.facts().stream()
                        .map(f -> DecisionEngine.decide(f, l.purpose(), channel, null, at, defaults(), l.rules()))
                        .toList());
    }

    /** 404 unless the purpose exists; bulk calls check once before streaming. */
    public Uni<Void> requirePurpose(String purpose) {
        return decisionQueries.purposeExists(purpose).map(exists -> {
            if (!exists) {
                throw ProblemException.notFound("Purpose", purpose);
            }
            return null;
        });
    }

    /** Decisions now count touches from the projection, which keeps {@link DecisionQueries#TOUCH_HORIZON_DAYS} of them. */
    void checkCapWindow(@Observes StartupEvent start) {
        if (defaults().windowDays() > DecisionQueries.TOUCH_HORIZON_DAYS) {
            throw new IllegalStateException("rapport.consent.frequency-cap.window is " + config.frequencyCap().window()
                    + "; at most " + DecisionQueries.TOUCH_HORIZON_DAYS + " days (P366D) are allowed");
        }
    }

    public DecisionEngine.Cap defaults() {
        return new DecisionEngine.Cap(config.frequencyCap().maxTouches(), (int) Math.max(1, config.frequencyCap().window().toDays()));
    }

    public static Instant instant(Instant at) {
        return (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.MICROS);
    }
}

package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Decides with the reactive pool (see {@link DecisionLoader} for why no Hibernate here). */
@ApplicationScoped
public class DecisionService {
    @Inject
    Pool pool;
    @Inject
    DecisionLoader loader;
    @Inject
    ConsentConfig config;

    public Uni<Decision> decide(DecisionRequest in) {
        return decide(pool, in);
    }

    /** Decides on the given connection (an outreach transaction passes its own, so it sees its own lock). */
    public Uni<Decision> decide(SqlClient sql, DecisionRequest in) {
        Instant at = instant(in.at());
        return loader.load(sql, List.of(in.contactId()), in.purpose(), at, in.at() != null, defaults().windowDays())
                .map(l -> DecisionEngine.decide(l.facts().get(0), l.purpose(), in.channel(), in.contactPointId(), at, defaults()));
    }

    /** Decisions for a chunk of an audience, in the order given; {@code asOf}: at a given instant rather than now. */
    public Uni<List<Decision>> decideAll(List<UUID> contactIds, String purpose, Channel channel, Instant at, boolean asOf) {
        return loader.load(pool, contactIds, purpose, at, asOf, defaults().windowDays())
                .map(l -> l.facts().stream()
                        .map(f -> DecisionEngine.decide(f, l.purpose(), channel, null, at, defaults()))
                        .toList());
    }

    /** 404 unless the purpose exists; bulk calls check once before streaming. */
    public Uni<Void> requirePurpose(String purpose) {
        return pool.preparedQuery("select 1 from purposes where code = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(purpose))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Purpose", purpose);
                    }
                    return null;
                });
    }

    public DecisionEngine.Cap defaults() {
        return new DecisionEngine.Cap(config.frequencyCap().maxTouches(), (int) Math.max(1, config.frequencyCap().window().toDays()));
    }

    public static Instant instant(Instant at) {
        return (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.MICROS);
    }
}

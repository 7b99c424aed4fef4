package dev.rapport.feedback.greeting;

import dev.rapport.feedback.supportcase.CaseChannel;
import dev.rapport.feedback.supportcase.CaseService;
import dev.rapport.feedback.supportcase.NewCase;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class GreetingService {
    @Inject
    GreetingRepository greetings;
    @Inject
    CaseService cases;
    @Inject
    Pool pool;
    @Inject
    Idempotency idempotency;

    @WithTransaction
    public Uni<GreetingView> record(NewGreeting in, Caller caller, String idempotencyKey) {
        return idempotency.once("greetings:" + caller.name(), idempotencyKey, in, GreetingView.class, () -> store(in, caller));
    }

    private Uni<GreetingView> store(NewGreeting in, Caller caller) {
        boolean offered = in.offeredHelp();
        if (offered && !in.greeted()) {
            throw ProblemException.badField("greeted", "must be true when help was offered");
        }
        if (!offered && in.result() != GreetingResult.NOT_OFFERED) {
            throw ProblemException.badField("result", "must be NOT_OFFERED when no help was offered");
        }
        if (offered && in.result() == GreetingResult.NOT_OFFERED) {
            throw ProblemException.badField("result", "must be NOTHING_NEEDED or ASKED when help was offered");
        }
        String request = in.request() == null || in.request().isBlank() ? null : in.request().strip();
        if (in.result() == GreetingResult.ASKED && request == null) {
            throw ProblemException.badField("request", "is required when the visitor asked for something");
        }
        boolean openCase = Boolean.TRUE.equals(in.openCase());
        if (openCase && (in.result() != GreetingResult.ASKED || in.contactId() == null)) {
            throw ProblemException.badField("openCase", "needs result ASKED and a contactId");
        }
        Greeting g = new Greeting();
        g.id = Ids.newId();
        g.touchpoint = in.touchpoint().strip();
        g.staff = in.staff() == null || in.staff().isBlank() ? caller.name() : in.staff().strip();
        g.contactId = in.contactId();
        g.occurredAt = in.occurredAt() == null ? Instant.now() : in.occurredAt();
        g.greeted = in.greeted();
        g.offeredHelp = offered;
        g.result = in.result();
        g.request = request;
        g.recordedBy = caller.name();
        Uni<Void> asCase = !openCase ? Uni.createFrom().voidItem()
                : cases.open(new NewCase(g.contactId, request, CaseChannel.IN_PERSON, g.occurredAt, g.staff), caller)
                        .invoke(c -> g.caseId = c.id()).replaceWithVoid();
        return asCase.chain(() -> greetings.persist(g)).map(GreetingView::from);
    }

    /** Shares per touchpoint with an overall row, in one grouped SQL query. */
    public Uni<GreetingReport> report(Instant from, Instant to) {
        String sql = "select touchpoint, grouping(touchpoint) as total, count(*) as visitors, count(*) filter (where greeted) as greeted, "
                + "count(*) filter (where offered_help) as offered, count(*) filter (where result = 'ASKED') as asked "
                + "from greetings where occurred_at >= $1 and occurred_at < $2 group by rollup (touchpoint) order by 2 desc, 1";
        return pool.preparedQuery(sql).execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))).map(rows -> {
            GreetingReport.Row overall = row(null, 0, 0, 0, 0);
            List<GreetingReport.Row> out = new ArrayList<>();
            for (Row r : rows) {
                GreetingReport.Row x = row(r.getString("touchpoint"), r.getLong("visitors"), r.getLong("greeted"),
                        r.getLong("offered"), r.getLong("asked"));
                if (r.getInteger("total") == 1) {
                    overall = x;
                } else {
                    out.add(x);
                }
            }
            return new GreetingReport(from, to, overall, out);
        });
    }

    private static GreetingReport.Row row(String touchpoint, long visitors, long greeted, long offered, long asked) {
        return new GreetingReport.Row(touchpoint, visitors, greeted, offered, asked, ratio(greeted, visitors),
                ratio(asked, visitors), ratio(asked, offered));
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}

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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

@ApplicationScoped
public class GreetingService {
    @Inject
    GreetingRepository greetings;
    @Inject
    CaseService cases;
    @Inject
    GreetingQueries queries;
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

    /** Shares per touchpoint with an overall row ({@link GreetingQueries}). */
    public Uni<GreetingReport> report(Instant from, Instant to) {
        return queries.report(from, to);
    }
}

package dev.rapport.feedback.rating;

import dev.rapport.feedback.supportcase.CaseRepository;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RatingService {
    @Inject
    RatingRepository ratings;
    @Inject
    CaseRepository cases;
    @Inject
    RatingQueries queries;
    @Inject
    Idempotency idempotency;

    @WithTransaction
    public Uni<RatingView> rate(NewRating in, Caller caller, String idempotencyKey) {
        return idempotency.once("ratings:" + caller.name(), idempotencyKey, in, RatingView.class, () -> store(in, caller));
    }

    private Uni<RatingView> store(NewRating in, Caller caller) {
        if (!caller.isStaff()) {
            if (in.contactId() == null) {
                throw ProblemException.badField("contactId", "is required when a customer rates");
            }
            caller.assertMayActFor(in.contactId());
        }
        Rating r = new Rating();
        r.id = Ids.newId();
        r.subjectType = in.subjectType();
        r.subjectId = in.subjectId().strip();
        r.staff = blank(in.staff()) != null ? blank(in.staff()) : in.subjectType() == SubjectType.STAFF ? r.subjectId : null;
        r.touchpoint = blank(in.touchpoint());
        r.stars = in.stars().shortValueExact();
        r.comment = blank(in.comment());
        r.contactId = in.contactId();
        r.ratedAt = in.ratedAt() == null ? Instant.now() : in.ratedAt();
        r.recordedBy = caller.name();
        return checkSubject(r).chain(() -> ratings.persist(r)).map(RatingView::from);
    }

    /** A CASE rating must name an existing case, and a customer may rate only their own. */
    private Uni<Void> checkSubject(Rating r) {
        if (r.subjectType != SubjectType.CASE) {
            return Uni.createFrom().voidItem();
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(r.subjectId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.badField("subjectId", "must be a case id for a CASE rating"));
        }
        return cases.findById(caseId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(new ProblemException(422, "unknown-case", "Rule violated",
                        "Case " + caseId + " does not exist", List.of(new Problem.FieldError("subjectId", "does not exist"))));
            }
            if (r.contactId != null && !r.contactId.equals(c.contactId)) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only the case's customer may rate it"));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** Averages and distributions per staff member or touchpoint ({@link RatingQueries}). */
    public Uni<RatingReport> report(String by, Instant from, Instant to, SubjectType subjectType) {
        return queries.report(by, from, to, subjectType);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}

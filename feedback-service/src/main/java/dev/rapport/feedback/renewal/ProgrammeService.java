package dev.rapport.feedback.renewal;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Programmes through Hibernate; their members, scores and outcomes through {@link ProgrammeMemberQueries} (set-based,
 * one transaction per import).
 */
@ApplicationScoped
public class ProgrammeService {
    static final String PERIOD = "^[A-Za-z0-9][A-Za-z0-9/_.-]{0,31}$";

    @Inject
    ProgrammeRepository programmes;
    @Inject
    ProgrammeMemberQueries members;

    @WithTransaction
    public Uni<ProgrammeView> create(NewProgramme in, String actor) {
        Programme p = new Programme();
        p.id = Ids.newId();
        p.name = in.name().strip();
        p.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        p.createdBy = actor;
        p.createdAt = Instant.now();
        return programmes.persist(p).map(ProgrammeView::from);
    }

    @WithSession
    public Uni<ProgrammeView> get(UUID id) {
        return programmes.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Programme", id))
                .map(ProgrammeView::from);
    }

    public Uni<ImportResult> importMembers(UUID programmeId, MemberImport in, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < in.rows().size(); i++) {
            MemberRow r = in.rows().get(i);
            if (!seen.add(r.contactId())) {
                errors.add(new Problem.FieldError("rows[" + i + "].contactId", "appears more than once in this import"));
            }
            if (r.score() != null && blank(r.scoredBy()) == null && blank(in.scoredBy()) == null) {
                errors.add(new Problem.FieldError("rows[" + i + "].scoredBy", "is required for a score (or give the import's scoredBy)"));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(400, "invalid-request", "Invalid request",
                    errors.size() + " row(s) are not valid; nothing was imported", errors.subList(0, Math.min(100, errors.size()))));
        }
        return get(programmeId).chain(p -> members.write(p.id(), in, actor, "IMPORT", null));
    }

    /** One score from the API (source API, who/what scored it); the member is added to the programme if needed. */
    public Uni<ImportResult> score(UUID programmeId, NewScore in, String actor) {
        MemberImport one = new MemberImport(in.period(), blank(in.scoredBy()) == null ? actor : in.scoredBy().strip(),
                List.of(new MemberRow(in.contactId(), null, in.score(), null, null)));
        return get(programmeId).chain(p -> members.write(p.id(), one, actor, "API", blank(in.note())));
    }

    /** Records (or corrects) a member's outcome for a period; 422 if they are not a member. */
    public Uni<Void> outcome(UUID programmeId, NewOutcome in, String actor) {
        return get(programmeId).chain(p -> members.outcome(p.id(), in, actor))
                .chain(recorded -> recorded ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new ProblemException(422, "not-a-member", "Rule violated",
                                "Contact " + in.contactId() + " is not a member of this programme",
                                List.of(new Problem.FieldError("contactId", "is not a member of this programme")))));
    }

    public Uni<RenewalReport> report(UUID programmeId, String period) {
        return get(programmeId).chain(p -> members.report(p.id(), period));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

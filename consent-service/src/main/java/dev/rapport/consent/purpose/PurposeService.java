package dev.rapport.consent.purpose;

import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PurposeService {
    @Inject
    PurposeRepository purposes;
    @Inject
    PurposeQueries queries;

    @WithTransaction
    public Uni<PurposeView> create(PurposeInput in) {
        return purposes.findById(in.code()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("duplicate",
                        "Purpose " + in.code() + " already exists"));
            }
            Purpose p = new Purpose();
            p.code = in.code();
            p.description = in.description().strip();
            p.lawfulBasis = in.lawfulBasis();
            p.createdAt = Instant.now();
            p.updatedAt = p.createdAt;
            return purposes.persist(p).call(purposes::flush).map(PurposeView::from);
        });
    }

    @WithTransaction
    public Uni<PurposeView> replace(String code, PurposeInput in) {
        if (!code.equals(in.code())) {
            return Uni.createFrom().failure(ProblemException.badField("code", "must equal the code in the path"));
        }
        if (in.version() == null) {
            return Uni.createFrom().failure(ProblemException.badField("version", "is required when replacing"));
        }
        return require(code).chain(p -> {
            if (p.version != in.version()) {
                return Uni.createFrom().failure(ProblemException.conflict("version-conflict",
                        "Purpose " + code + " is at version " + p.version + ", not " + in.version()));
            }
            p.description = in.description().strip();
            p.lawfulBasis = in.lawfulBasis();
            p.updatedAt = Instant.now();
            return purposes.flush().map(x -> PurposeView.from(p));
        });
    }

    /** On the SQL client ({@link PurposeQueries}): the read every caller makes, and the benchmark's authenticated read. */
    public Uni<PurposeView> get(String code) {
        return queries.find(code).onItem().ifNull().failWith(() -> ProblemException.notFound("Purpose", code));
    }

    @WithSession
    public Uni<List<PurposeView>> list() {
        return purposes.listAll(Sort.by("code")).map(l -> l.stream().map(PurposeView::from).toList());
    }

    /** The purpose, or 404; call inside a session. */
    public Uni<Purpose> require(String code) {
        return purposes.findById(code).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Purpose", code));
    }
}

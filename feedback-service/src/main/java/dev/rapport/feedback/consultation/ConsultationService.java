package dev.rapport.feedback.consultation;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsultationService {
    @Inject
    ConsultationRepository consultations;
    @Inject
    InitiativeRepository initiatives;

    @WithTransaction
    public Uni<ConsultationView> create(NewConsultation in, String actor) {
        Consultation c = new Consultation();
        c.id = Ids.newId();
        c.title = in.title().strip();
        c.purpose = in.purpose().strip();
        c.status = ConsultationStatus.DRAFT;
        c.createdBy = actor;
        c.createdAt = Instant.now();
        List<Initiative> list = new ArrayList<>();
        List<NewInitiative> given = in.initiatives() == null ? List.of() : in.initiatives();
        for (int i = 0; i < given.size(); i++) {
            list.add(initiative(c.id, i + 1, given.get(i)));
        }
        return consultations.persist(c).chain(() -> list.isEmpty() ? Uni.createFrom().voidItem() : initiatives.persist(list)).chain(() -> consultations.flush())
                .map(x -> ConsultationView.from(c, list));
    }

    @WithTransaction
    public Uni<InitiativeView> addInitiative(UUID consultationId, NewInitiative in) {
        return require(consultationId).chain(c -> {
            if (c.status != ConsultationStatus.DRAFT) {
                return Uni.createFrom().failure(ProblemException.rule("consultation-not-draft",
                        "Initiatives can only be added while the consultation is a draft; it is " + c.status));
            }
            return initiatives.count("consultationId", c.id).chain(n -> {
                Initiative i = initiative(c.id, n.intValue() + 1, in);
                return initiatives.persist(i).map(InitiativeView::from);
            });
        });
    }

    @WithTransaction
    public Uni<ConsultationView> changeStatus(UUID id, ConsultationStatus next) {
        return require(id).chain(c -> {
            if (c.status == next) {
                return Uni.createFrom().item(c);
            }
            if (!c.status.mayBecome(next)) {
                return Uni.createFrom().failure(ProblemException.rule("invalid-status-change",
                        "A consultation that is " + c.status + " cannot become " + next));
            }
            Uni<Void> check = Uni.createFrom().voidItem();
            if (next == ConsultationStatus.OPEN) {
                check = initiatives.count("consultationId", c.id).chain(n -> n == 0
                        ? Uni.createFrom().failure(ProblemException.rule("no-initiatives",
                                "A consultation needs at least one initiative before it opens"))
                        : Uni.createFrom().voidItem());
            } else if (next == ConsultationStatus.ANSWERED) {
                check = unanswered(c.id).chain(n -> n > 0
                        ? Uni.createFrom().failure(ProblemException.rule("initiatives-unanswered", n
                                + " initiative(s) have no published action yet; publish one on each before marking the consultation answered"))
                        : Uni.createFrom().voidItem());
            }
            return check.map(x -> {
                Instant now = Instant.now();
                c.status = next;
                switch (next) {
                    case OPEN -> c.openedAt = c.openedAt == null ? now : c.openedAt;
                    case CLOSED -> c.closedAt = now;
                    case ANSWERED -> c.answeredAt = now;
                    default -> {
                    }
                }
                return c;
            });
        }).call(c -> consultations.flush()).chain(c -> initiatives.ofConsultation(c.id).map(l -> ConsultationView.from(c, l)));
    }

    @WithSession
    public Uni<ConsultationView> get(UUID id) {
        return require(id).chain(c -> initiatives.ofConsultation(c.id).map(l -> ConsultationView.from(c, l)));
    }

    @WithSession
    public Uni<Page<ConsultationView>> list(ConsultationStatus status, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (!after.isEmpty()) {
            params.add(parseId(after.get(0)));
            q.append(" and id < ?").append(params.size());
        }
        q.append(" order by id desc");
        return consultations.find(q.toString(), params.toArray()).page(0, limit + 1).list()
                .chain(rows -> initiatives.ofConsultations(rows.stream().map(c -> c.id).toList()).map(byConsultation -> Page.of(rows,
                        limit, c -> ConsultationView.from(c, byConsultation.getOrDefault(c.id, List.of())), c -> Cursor.encode(c.id))));
    }

    /** The consultation, or a 404 problem. */
    public Uni<Consultation> require(UUID id) {
        return consultations.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Consultation", id));
    }

    public static ProblemException notOpen(Consultation c) {
        return ProblemException.rule("consultation-not-open", "Consultation " + c.id + " is " + c.status + ", not OPEN");
    }

    private Uni<Long> unanswered(UUID consultationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from initiatives i where i.consultation_id = ?1 "
                + "and not exists (select 1 from actions a where a.initiative_id = i.id and a.published_at is not null)", Long.class)
                .setParameter(1, consultationId).getSingleResult());
    }

    private static Initiative initiative(UUID consultationId, int position, NewInitiative in) {
        Initiative i = new Initiative();
        i.id = Ids.newId();
        i.consultationId = consultationId;
        i.position = position;
        i.title = in.title().strip();
        i.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        return i;
    }

    static UUID parseId(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }
}

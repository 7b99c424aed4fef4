package dev.rapport.feedback.priority;

import dev.rapport.feedback.consultation.Initiative;
import dev.rapport.feedback.consultation.InitiativeRepository;
import dev.rapport.feedback.consultation.ConsultationService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Priorities are counted in PostgreSQL ({@link PriorityQueries}) and ranked here with exact integer arithmetic, so
 * equal scores compare equal.
 */
@ApplicationScoped
public class PriorityService {
    @Inject
    PriorityQueries queries;
    @Inject
    ConsultationService consultations;
    @Inject
    InitiativeRepository initiatives;

    public Uni<PrioritiesView> priorities(UUID consultationId, Map<String, String> segment) {
        return initiativesOf(consultationId).chain(list -> queries.counts(consultationId, segment)
                .map(counts -> new PrioritiesView(consultationId, segment, counts.respondents(), PrioritiesView.SCORE_DEFINITION,
                        rank(list, counts.byInitiative()))));
    }

    @WithSession
    Uni<List<Initiative>> initiativesOf(UUID consultationId) {
        return consultations.require(consultationId).chain(c -> initiatives.ofConsultation(c.id));
    }

    /** Orders by score (exactly: a/n > b/m ⇔ a·m > b·n), then by position; equal scores share the rank. */
    static List<PriorityView> rank(List<Initiative> initiatives, Map<UUID, long[]> counts) {
        record Scored(Initiative initiative, long[] c, long n, long weighted) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Initiative i : initiatives) {
            long[] c = counts.getOrDefault(i.id, new long[4]);
            long n = c[0] + c[1] + c[2] + c[3];
            scored.add(new Scored(i, c, n, c[1] + 2 * c[2] + 3 * c[3]));
        }
        Comparator<Scored> byScore = (a, b) -> {
            if (a.n() == 0 || b.n() == 0) {
                return Boolean.compare(a.n() == 0, b.n() == 0);
            }
            return Long.compare(b.weighted() * a.n(), a.weighted() * b.n());
        };
        scored.sort(byScore.thenComparingInt(s -> s.initiative().position));
        List<PriorityView> out = new ArrayList<>();
        int rank = 0;
        for (int k = 0; k < scored.size(); k++) {
            Scored s = scored.get(k);
            if (k == 0 || byScore.compare(scored.get(k - 1), s) != 0) {
                rank = k + 1;
            }
            long[] c = s.c();
            BigDecimal score = s.n() == 0 ? null
                    : BigDecimal.valueOf(100 * s.weighted()).divide(BigDecimal.valueOf(3 * s.n()), 2, RoundingMode.HALF_UP);
            out.add(new PriorityView(s.initiative().id, s.initiative().position, s.initiative().title, rank, score, s.n(),
                    new BucketCounts<>(c[3], c[2], c[1], c[0]),
                    new BucketCounts<>(share(c[3], s.n()), share(c[2], s.n()), share(c[1], s.n()), share(c[0], s.n()))));
        }
        return out;
    }

    private static BigDecimal share(long part, long total) {
        return total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}

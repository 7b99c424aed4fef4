package dev.rapport.feedback.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.feedback.consultation.Initiative;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The priority score and ranking, without a database: ratings per bucket in, score and rank per initiative out. */
class PriorityRankTest {

    /**
     * {@code counts}: per initiative (by position) the ratings {not important, low but important, important, essential};
     * {@code scores}/{@code ranks}: expected per initiative, in the order ranked; {@code order}: positions ranked.
     */
    record Case(String name, long[][] counts, int[] order, String[] scores, int[] ranks) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("essential beats important", new long[][] {{0, 0, 1, 0}, {0, 0, 0, 1}},
                        new int[] {2, 1}, new String[] {"100.00", "66.67"}, new int[] {1, 2}),
                new Case("all not important scores zero, not null", new long[][] {{3, 0, 0, 0}},
                        new int[] {1}, new String[] {"0.00"}, new int[] {1}),
                new Case("nobody rated: null score, ranked last", new long[][] {{0, 0, 0, 0}, {1, 0, 0, 0}},
                        new int[] {2, 1}, new String[] {"0.00", null}, new int[] {1, 2}),
                new Case("equal scores share a rank and keep their list order; the next rank skips",
                        new long[][] {{0, 0, 2, 0}, {0, 0, 1, 0}, {1, 0, 0, 0}},
                        new int[] {1, 2, 3}, new String[] {"66.67", "66.67", "0.00"}, new int[] {1, 1, 3}),
                new Case("different ratings, same weight per rating: an exact tie",
                        new long[][] {{1, 1, 1, 0}, {2, 0, 0, 1}},
                        new int[] {1, 2}, new String[] {"33.33", "33.33"}, new int[] {1, 1}),
                new Case("scores equal to two decimals but not exactly: ranked apart",
                        new long[][] {{0, 1, 0, 0}, {1, 9999, 0, 0}},
                        new int[] {1, 2}, new String[] {"33.33", "33.33"}, new int[] {1, 2}),
                new Case("mixed: (1·1 + 2·1 + 3·2) / (3·4) = 75%", new long[][] {{0, 1, 1, 2}, {0, 0, 0, 1}},
                        new int[] {2, 1}, new String[] {"100.00", "75.00"}, new int[] {1, 2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoresAndRanks(Case c) {
        List<Initiative> initiatives = new ArrayList<>();
        Map<UUID, long[]> counts = new HashMap<>();
        for (int i = 0; i < c.counts().length; i++) {
            Initiative in = new Initiative();
            in.id = UUID.randomUUID();
            in.position = i + 1;
            in.title = "initiative " + (i + 1);
            initiatives.add(in);
            counts.put(in.id, c.counts()[i]);
        }
        List<PriorityView> ranked = PriorityService.rank(initiatives, counts);
        for (int k = 0; k < ranked.size(); k++) {
            PriorityView v = ranked.get(k);
            assertEquals(c.order()[k], v.position(), "position ranked " + (k + 1));
            assertEquals(c.scores()[k] == null ? null : new BigDecimal(c.scores()[k]), v.score(), "score of " + v.title());
            assertEquals(c.ranks()[k], v.rank(), "rank of " + v.title());
            long[] n = c.counts()[v.position() - 1];
            assertEquals(n[0] + n[1] + n[2] + n[3], v.ratings());
            assertEquals(n[3], v.counts().essential());
        }
    }
}

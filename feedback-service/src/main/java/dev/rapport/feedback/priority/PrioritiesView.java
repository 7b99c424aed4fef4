package dev.rapport.feedback.priority;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Initiatives in rank order; among equal scores, in the consultation's own order. */
public record PrioritiesView(UUID consultationId, Map<String, String> segment, long respondents, String scoreDefinition,
        List<PriorityView> initiatives) {

    public static final String SCORE_DEFINITION = "score = 100 × (3·essential + 2·important + 1·lowButImportant + 0·notImportant) "
            + "/ (3 × ratings); rank by score, highest first; equal scores share a rank and keep the consultation's order";
}

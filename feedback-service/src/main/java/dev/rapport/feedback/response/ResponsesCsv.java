package dev.rapport.feedback.response;

import dev.rapport.feedback.consultation.InitiativeView;
import dev.rapport.feedback.response.ResponseExportQueries.ExportedRating;
import dev.rapport.feedback.response.ResponseExportQueries.ExportedResponse;
import dev.rapport.platform.csv.Csv;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A consultation's responses as CSV, one row per rating in the consultation's order of initiatives. A named response's
 * rows carry its id, contact and time; an anonymous one's carry only {@code anonymous-<n>}, numbered within this file
 * alone (so its rows can be read together), and nothing that points at a person.
 */
public final class ResponsesCsv {
    static final Object[] HEADER = {"respondent", "anonymous", "responseId", "contactId", "submittedAt", "position",
            "initiativeId", "initiative", "bucket", "comment"};

    private final Map<UUID, InitiativeView> initiatives;
    private int anonymousCount;

    public ResponsesCsv(List<InitiativeView> initiatives) {
        this.initiatives = initiatives.stream().collect(Collectors.toMap(InitiativeView::id, Function.identity()));
    }

    public static String header() {
        return Csv.row(HEADER);
    }

    /** Rows for a page of responses; the anonymous numbering runs on across the pages of one file. */
    public String rows(List<ExportedResponse> page) {
        StringBuilder b = new StringBuilder();
        for (ExportedResponse r : page) {
            String respondent = r.anonymous() ? "anonymous-" + (++anonymousCount) : r.responseId().toString();
            r.ratings().stream().sorted(Comparator.comparingInt(this::position)).forEach(rating -> {
                InitiativeView i = initiatives.get(rating.initiativeId());
                b.append(Csv.row(respondent, r.anonymous(), r.responseId(), r.contactId(), r.submittedAt(), position(rating),
                        rating.initiativeId(), i == null ? null : i.title(), rating.bucket(), rating.comment()));
            });
        }
        return b.toString();
    }

    private int position(ExportedRating rating) {
        InitiativeView i = initiatives.get(rating.initiativeId());
        return i == null ? Integer.MAX_VALUE : i.position();
    }
}

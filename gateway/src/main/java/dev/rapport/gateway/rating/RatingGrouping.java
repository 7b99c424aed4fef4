package dev.rapport.gateway.rating;

import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;

@Description("How a rating report groups its ratings: by the staff member rated or by the touchpoint where it was given.")
public enum RatingGrouping {
    STAFF, TOUCHPOINT;

    /** feedback-service's word for it ({@code GET /ratings/report?by=staff}). */
    String serviceValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.rapport.consent.rules;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every company rule, and the settings (configuration) that say how they apply. */
public record CompanyRulesView(List<CapView> caps, List<QuietDatesView> quietDates, List<QuietHoursView> quietHours,
        @Schema(description = "Purposes no company rule applies to (configuration: "
                + "rapport.consent.company-rules.transactional-purposes)") List<String> transactionalPurposes,
        @Schema(description = "The zone quiet times use for a person who gave none and a rule without a fallback zone "
                + "(configuration)", example = "UTC") String defaultTimeZone) {
}

package dev.rapport.gateway.renewal;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** What renewal mutations accept; passed through as JSON and validated by feedback-service. */
public final class Inputs {
    private Inputs() {
    }

    @Input("ProgrammeInput")
    public record NewProgramme(String name, String description) {
    }

    @Input("MemberRowInput")
    public record MemberRow(@Id String contactId, String externalRef,
            @Description("Propensity to renew, whole number 1 (unlikely) – 5 (very likely)") Integer score, String scoredBy,
            RenewalOutcome outcome) {
    }

    @Input("MemberImportInput")
    public record MemberImport(@Description("e.g. 2026/27") String period,
            @Description("Who or what produced the scores, e.g. model:renewal-v3") String scoredBy, List<MemberRow> rows) {
    }

    @Input("RenewalScoreInput")
    public record NewScore(@Id String contactId, String period, @Description("Whole number 1–5") Integer score, String scoredBy,
            String note) {
    }

    @Input("RenewalOutcomeInput")
    public record NewOutcome(@Id String contactId, String period, RenewalOutcome outcome) {
    }

    @Input("RenewalOfferInput")
    public record NewOffer(String period, @Description("Score tiers 1–5") List<Integer> tiers,
            @Description("POSTAL, EMAIL, …") String channel, @Description("Defaults to renewal-offer:<programme>:<period>") String campaign,
            @Id @Description("A segment (see segments): only its members now, among the undecided members of the tiers; the "
                    + "offer records the segment and its version") String segmentId) {
    }
}

package dev.rapport.gateway.renewal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("An early-renewal offer as the person it was sent to sees it: the programme and the period it is for.")
public record RenewalOfferToPerson(@Id String id, @Id String programmeId,
        @Description("The programme's name, e.g. Season ticket") String programme,
        @Description("The period the offer renews, e.g. 2026/27") String period) {
}

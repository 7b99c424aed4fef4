package dev.rapport.feedback.renewal;

import java.util.UUID;

/** An offer as its message shows it (delivery integrations render it): the programme's name and the period. */
public record OfferSummary(UUID id, UUID programmeId, String programme, String period) {
}

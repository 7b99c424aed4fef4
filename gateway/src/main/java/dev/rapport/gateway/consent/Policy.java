package dev.rapport.gateway.consent;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;

@Description("The person's own rules: preferred channels, quiet hours, at most N touches per window, or do-not-contact.")
public record Policy(String contactId, List<String> preferredChannels, String quietHoursStart, String quietHoursEnd,
        String timeZone, Integer maxTouches, Integer windowDays, boolean capIsDefault, boolean doNotContact,
        String unsubscribeScope, Long version, Instant updatedAt, String updatedBy) {
}

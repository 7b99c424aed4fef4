package dev.rapport.gateway.consent;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("The person's own rules: preferred channels, quiet hours, at most N touches per window, do-not-contact, "
        + "or \"not now, until …\" (pausedUntil).")
public record Policy(@Id String contactId, List<Channel> preferredChannels, String quietHoursStart, String quietHoursEnd,
        String timeZone, Integer maxTouches, Integer windowDays, boolean capIsDefault, boolean doNotContact,
        @Description("\"Not now, until …\": nothing is sent before this instant (decisions say no with reason `paused` "
                + "and notBefore); null: no pause") Instant pausedUntil,
        UnsubscribeScope unsubscribeScope, Long version, Instant updatedAt, String updatedBy) {
}

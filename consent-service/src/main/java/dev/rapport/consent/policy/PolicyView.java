package dev.rapport.consent.policy;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The person's policy with the frequency cap that actually applies (theirs or the default). */
public record PolicyView(UUID contactId, List<Channel> preferredChannels, String quietHoursStart, String quietHoursEnd,
        String timeZone, Integer maxTouches, Integer windowDays, boolean capIsDefault, boolean doNotContact, Instant pausedUntil,
        UnsubscribeScope unsubscribeScope, Long version, Instant updatedAt, String updatedBy) {

    public static PolicyView from(ContactPolicy p, int defaultMax, int defaultDays) {
        return new PolicyView(p.contactId,
                p.preferredChannels == null ? List.of() : Arrays.stream(p.preferredChannels).map(Channel::valueOf).toList(),
                p.quietStart == null ? null : p.quietStart.toString(), p.quietEnd == null ? null : p.quietEnd.toString(),
                p.timeZone, p.maxTouches != null ? p.maxTouches : defaultMax,
                p.touchWindowDays != null ? p.touchWindowDays : defaultDays, p.maxTouches == null, p.doNotContact, p.pausedUntil,
                p.unsubscribeScope, p.version, p.updatedAt, p.updatedBy);
    }

    public static PolicyView defaults(UUID contactId, int defaultMax, int defaultDays) {
        return new PolicyView(contactId, List.of(), null, null, null, defaultMax, defaultDays, true, false, null,
                UnsubscribeScope.PURPOSE_ALL_CHANNELS, null, null, null);
    }
}

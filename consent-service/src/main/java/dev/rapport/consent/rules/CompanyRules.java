package dev.rapport.consent.rules;

import dev.rapport.consent.common.Channel;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The company's rules as decisions apply them: caps, quiet dates and quiet hours, the purposes exempt from them
 * (transactional ones, by configuration) and the zone for people who gave none. Plain data, read by
 * {@link CompanyRuleCheck}; {@link CompanyRulesCache} holds the current snapshot.
 */
public record CompanyRules(List<Cap> caps, List<QuietDates> quietDates, List<QuietHours> quietHours,
        Set<String> transactionalPurposes, ZoneId defaultZone) {

    public static final CompanyRules NONE = new CompanyRules(List.of(), List.of(), List.of(), Set.of(), ZoneId.of("UTC"));

    /** At most {@code maxTouches} touches in {@code windowDays} days, of a channel, a purpose, or a purpose on a channel. */
    public record Cap(UUID id, Channel channel, String purpose, int maxTouches, int windowDays) {
    }

    /** No messages from {@code start} to {@code end} (inclusive), in the person's zone; all channels when channel is null. */
    public record QuietDates(UUID id, String name, LocalDate start, LocalDate end, Channel channel, ZoneId fallbackZone) {
    }

    /** No messages between {@code start} and {@code end} (may span midnight), in the person's zone. */
    public record QuietHours(UUID id, Channel channel, LocalTime start, LocalTime end, ZoneId fallbackZone) {
    }

    public boolean exempts(String purpose) {
        return transactionalPurposes.contains(purpose);
    }

    /** The longest cap window: how far back decisions read touches for company caps (0: no caps). */
    public int longestCapWindowDays() {
        return caps.stream().mapToInt(Cap::windowDays).max().orElse(0);
    }
}

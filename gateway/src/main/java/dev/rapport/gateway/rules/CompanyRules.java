package dev.rapport.gateway.rules;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Description("The company's rules beside each person's own policy (consent-service): caps, quiet dates and quiet hours. "
        + "Decisions apply every one; each rule in the way is a reason (company-channel-cap, company-purpose-cap, "
        + "company-quiet-hours, company-quiet-date) naming the rule (Reason.ruleId).")
public record CompanyRules(List<CompanyCap> caps, List<CompanyQuietDates> quietDates, List<CompanyQuietHours> quietHours,
        @Description("Purposes no company rule applies to (transactional messages; consent-service configuration)")
        List<String> transactionalPurposes,
        @Description("The zone company quiet times use for a person who gave none, unless the rule names a fallback zone")
        String defaultTimeZone) {

    @Description("At most maxTouches touches in windowDays days: on a channel (every purpose), for a purpose (every "
            + "channel), or for a purpose on one channel. A touch is an outreach queued, leased or delivered.")
    public record CompanyCap(@Id String id,
            @Description("The channel whose touches count; null: every channel") Channel channel,
            @Description("The purpose whose touches count; null: every purpose") String purpose,
            int maxTouches, int windowDays, String note, long version, Instant updatedAt, String updatedBy) {
    }

    @Description("No messages from startDate to endDate (inclusive), in the person's zone: decisions defer to the day after.")
    public record CompanyQuietDates(@Id String id, String name, LocalDate startDate, LocalDate endDate,
            @Description("Only this channel; null: every channel") Channel channel,
            @Description("IANA zone for people who gave none") String fallbackTimeZone,
            long version, Instant updatedAt, String updatedBy) {
    }

    @Description("No messages between start and end (HH:mm, may span midnight) in the person's zone: decisions defer to the end.")
    public record CompanyQuietHours(@Id String id,
            @Description("Only this channel; null: every channel") Channel channel,
            String start, String end,
            @Description("IANA zone for people who gave none") String fallbackTimeZone,
            long version, Instant updatedAt, String updatedBy) {
    }

    @Name("CompanyRuleKind")
    public enum Kind {
        CAP, QUIET_DATES, QUIET_HOURS
    }

    @Name("CompanyRuleAction")
    public enum Action {
        CREATED, UPDATED, DELETED
    }

    @Description("One audited change to a company rule: who, when, and the rule before and after.")
    public record CompanyRuleChange(@Id String id, Kind ruleKind, @Id String ruleId, Action action,
            @Description("Who changed it (the token's subject)") String actor, Instant changedAt,
            @Description("The rule before the change, as JSON; null when created") String before,
            @Description("The rule after the change, as JSON; null when deleted") String after) {
    }
}

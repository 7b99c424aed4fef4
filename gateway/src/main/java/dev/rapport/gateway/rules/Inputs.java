package dev.rapport.gateway.rules;

import dev.rapport.gateway.common.Channel;
import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** What the company-rule mutations accept; passed through as JSON and validated by consent-service (fields named). */
public final class Inputs {
    private Inputs() {
    }

    @Input("CompanyCapInput")
    @Description("A cap: a channel, a purpose, or both. maxTouches ≥ 0, windowDays 1–366; version when updating.")
    public record CompanyCapInput(Channel channel, String purpose, Integer maxTouches, Integer windowDays, String note,
            Long version) {
    }

    @Input("CompanyQuietDatesInput")
    @Description("Quiet dates: endDate not before startDate; a channel or every channel; version when updating.")
    public record CompanyQuietDatesInput(String name, LocalDate startDate, LocalDate endDate, Channel channel,
            @Description("IANA zone for people who gave none, e.g. Europe/Paris") String fallbackTimeZone, Long version) {
    }

    @Input("CompanyQuietHoursInput")
    @Description("Quiet hours: start and end as HH:mm (may span midnight, not equal); one per channel and one for every "
            + "channel; version when updating.")
    public record CompanyQuietHoursInput(Channel channel, String start, String end,
            @Description("IANA zone for people who gave none, e.g. Europe/Paris") String fallbackTimeZone, Long version) {
    }
}

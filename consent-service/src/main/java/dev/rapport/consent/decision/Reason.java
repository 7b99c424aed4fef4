package dev.rapport.consent.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a decision is "no". Codes are stable (docs/contracts.md, docs/consent.md); the detail is for people. */
public record Reason(String code, String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The company rule that applies (GET /company-rules); only on company-* reasons") UUID ruleId) {
    public static final String NO_CONSENT = "no-consent";
    public static final String WITHDRAWN = "withdrawn";
    public static final String EXPIRED = "expired";
    public static final String DENIED = "denied";
    public static final String OBJECTION = "objection";
    public static final String POINT_NOT_GIVEN = "point-not-given-by-person";
    public static final String POINT_UNDELIVERABLE = "contact-point-undeliverable";
    public static final String NO_USABLE_POINT = "no-usable-contact-point";
    public static final String QUIET_HOURS = "quiet-hours";
    public static final String FREQUENCY_CAP = "frequency-cap";
    public static final String DO_NOT_CONTACT = "do-not-contact";
    public static final String PAUSED = "paused";
    public static final String UNKNOWN_CONTACT = "unknown-contact";
    public static final String UNKNOWN_PURPOSE = "unknown-purpose";
    /** The company's cap for the channel (all purposes) is reached. */
    public static final String COMPANY_CHANNEL_CAP = "company-channel-cap";
    /** The company's cap for the purpose (all channels, or one) is reached. */
    public static final String COMPANY_PURPOSE_CAP = "company-purpose-cap";
    /** The company's quiet hours for the channel (or all channels), in the person's zone. */
    public static final String COMPANY_QUIET_HOURS = "company-quiet-hours";
    /** A company quiet date (a holiday) for the channel (or all channels), in the person's zone. */
    public static final String COMPANY_QUIET_DATE = "company-quiet-date";

    /** Reasons that only say "not now": when they are all there is, the decision names a notBefore. */
    public static final Set<String> CLOCK_ONLY = Set.of(QUIET_HOURS, PAUSED, COMPANY_QUIET_HOURS, COMPANY_QUIET_DATE);
    /**
     * Clock reasons an outreach request waits out in the queue (invisible until notBefore). A person's pause is not
     * one: a message asked for now is not kept for months and sent when it has gone stale.
     */
    public static final Set<String> WAITS_IN_QUEUE = Set.of(QUIET_HOURS, COMPANY_QUIET_HOURS, COMPANY_QUIET_DATE);

    public Reason(String code, String detail) {
        this(code, detail, null);
    }
}

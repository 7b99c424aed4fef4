package dev.rapport.consent.decision;

/** Why a decision is "no". Codes are stable (docs/contracts.md); the detail is for people. */
public record Reason(String code, String detail) {
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
}

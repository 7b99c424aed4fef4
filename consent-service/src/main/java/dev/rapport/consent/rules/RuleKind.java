package dev.rapport.consent.rules;

/** The kinds of company rule, as the audit names them. */
public enum RuleKind {
    CAP, QUIET_DATES, QUIET_HOURS
}

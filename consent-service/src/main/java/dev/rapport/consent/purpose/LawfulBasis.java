package dev.rapport.consent.purpose;

/** GDPR Art. 6 bases Rapport distinguishes. Only CONSENT needs a grant in the ledger before anyone is contacted. */
public enum LawfulBasis {
    CONSENT, CONTRACT, LEGITIMATE_INTEREST
}

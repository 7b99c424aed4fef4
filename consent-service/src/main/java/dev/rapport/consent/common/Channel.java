package dev.rapport.consent.common;

/** The channels contacts-service knows (docs/contracts.md); consent and outreach are per channel. */
public enum Channel {
    EMAIL, PHONE, SMS, WHATSAPP, POSTAL, LINKEDIN, X, INSTAGRAM, FACEBOOK
}

package dev.rapport.contacts.interaction;

import java.util.Locale;

/** What happened on the timeline. PURCHASE and REFUND carry an amount and currency. */
public enum InteractionType {
    PAGE_VIEW, CONTENT_DOWNLOAD, FORM_SUBMISSION, EMAIL_OPEN, EMAIL_CLICK, PURCHASE, REFUND, SUPPORT_REQUEST, CALL,
    MEETING, UNSUBSCRIBE, THANK_YOU, FEEDBACK_REQUEST, NOTE;

    public boolean carriesAmount() {
        return this == PURCHASE || this == REFUND;
    }

    /** The configuration key form: {@code EMAIL_CLICK} → {@code email-click}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package dev.rapport.feedback.outreach;

/** Every kind of message this service sends; each has a consent purpose in configuration. */
public enum MessageKind {
    INVITATION("invitation"),
    ACTION_NOTICE("action-notice"),
    THREAD_REPLY("thread-reply"),
    CASE_CONFIRMATION("case-confirmation"),
    RENEWAL_OFFER("renewal-offer");

    public final String code;

    MessageKind(String code) {
        this.code = code;
    }
}

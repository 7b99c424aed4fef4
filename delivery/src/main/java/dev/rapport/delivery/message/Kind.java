package dev.rapport.delivery.message;

/** Every kind of message delivery renders; the template names are {@code mail/<code>.html} and {@code .txt}. */
public enum Kind {
    /** feedback-service: an invitation to rank a consultation's initiatives. */
    INVITATION("invitation"),
    /** feedback-service: "you said, we did", and "does this work for you?". */
    ACTION_NOTICE("action-notice"),
    /** feedback-service: staff answered in the person's "why not" thread. */
    THREAD_REPLY("thread-reply"),
    /** feedback-service: "was your problem solved?", with a rating link. */
    CASE_CONFIRMATION("case-confirmation"),
    /**
     * feedback-service: an anonymous respondent who allowed replies hears that we answered; it names nothing they rated
     * (the follow-up page, behind the link, shows it to them alone).
     */
    ANONYMOUS_NOTICE("anonymous-notice"),
    /** feedback-service: an early renewal offer. */
    RENEWAL_OFFER("renewal-offer"),
    /** Anything else: a message about its purpose, with the why section and the preference link. */
    PLAIN("plain");

    public final String code;

    Kind(String code) {
        this.code = code;
    }
}

package dev.rapport.delivery.send;

/**
 * What the SMTP server said. SENT: it took the message. BOUNCED: a permanent (5xx) refusal of the recipient (RCPT TO).
 * REFUSED: a permanent refusal of anything else (the sender, the message itself): not the address's fault.
 * TRANSIENT: a 4xx, or no answer at all (the server is down, the connection broke): try again later.
 */
public record Outcome(Result result, String detail) {
    public enum Result {
        SENT, BOUNCED, REFUSED, TRANSIENT
    }

    public static Outcome sent() {
        return new Outcome(Result.SENT, null);
    }
}

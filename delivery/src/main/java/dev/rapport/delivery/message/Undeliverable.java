package dev.rapport.delivery.message;

/**
 * A message that can never be sent as it stands (the contact or its address is gone, what it is about was deleted):
 * acknowledged FAILED with this reason at once, not retried.
 */
public class Undeliverable extends RuntimeException {
    public Undeliverable(String reason) {
        super(reason, null, false, false);
    }
}

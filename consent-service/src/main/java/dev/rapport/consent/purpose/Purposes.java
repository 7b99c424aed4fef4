package dev.rapport.consent.purpose;

/** Shared constants for purpose codes. */
public final class Purposes {
    public static final String CODE_PATTERN = "^[a-z][a-z0-9-]{1,62}$";

    private Purposes() {
    }
}

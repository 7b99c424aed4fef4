package dev.rapport.platform.security;

/** The roles every service understands (Keycloak realm roles). */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";
    public static final String MARKETER = "marketer";
    public static final String ANALYST = "analyst";
    public static final String INTEGRATION = "integration";
    /** A customer acting on their own data only; the token carries a {@code contact_id} claim. */
    public static final String CONTACT = "contact";

    private Roles() {
    }
}

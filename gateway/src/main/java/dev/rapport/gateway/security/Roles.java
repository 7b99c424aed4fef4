package dev.rapport.gateway.security;

/** Realm roles (realm_access/roles in the Keycloak token). */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";
    public static final String MARKETER = "marketer";
    public static final String ANALYST = "analyst";
    public static final String INTEGRATION = "integration";
    public static final String CONTACT = "contact";

    private Roles() {
    }
}

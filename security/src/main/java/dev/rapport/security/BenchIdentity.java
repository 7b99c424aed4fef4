package dev.rapport.security;

import java.util.List;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Benchmarks only (bench/gateway measures what authentication costs): in the {@code bench} configuration profile a
 * request without a token acts as one fixed identity with the configured roles. A request with a token is verified as
 * always. The process refuses to start when the switch is on outside the {@code bench} profile or in {@code prod}.
 */
@ApplicationScoped
public class BenchIdentity implements SecurityIdentityAugmentor {
    public static final String ENABLED = "rapport.security.bench-identity.enabled";

    @ConfigProperty(name = ENABLED, defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "rapport.security.bench-identity.roles", defaultValue = "agent")
    Set<String> roles;

    void refuseOutsideBench(@Observes StartupEvent started) {
        assertAllowed(enabled, ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles());
    }

    /** The switch is honoured only with the bench profile active and never with prod. */
    public static void assertAllowed(boolean enabled, List<String> profiles) {
        if (enabled && (!profiles.contains("bench") || profiles.contains("prod"))) {
            throw new IllegalStateException(ENABLED + " is for benchmarks only: it needs the bench profile and is refused "
                    + "with prod (active profiles: " + profiles + ")");
        }
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!enabled || !identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("bench"))
                .addRoles(roles).setAnonymous(false).build());
    }
}

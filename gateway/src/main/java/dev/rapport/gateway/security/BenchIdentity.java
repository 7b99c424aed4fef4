package dev.rapport.gateway.security;

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
 * The gateway's side of the services' benchmark-only switch ({@code dev.rapport.platform.security.BenchIdentity}; the
 * gateway has none of platform's runtime): in the {@code bench} profile a request without a token acts as a fixed
 * identity, and nothing is forwarded downstream, where the services do the same. Refused outside bench and in prod.
 */
@ApplicationScoped
public class BenchIdentity implements SecurityIdentityAugmentor {
    static final String ENABLED = "rapport.security.bench-identity.enabled";

    @ConfigProperty(name = ENABLED, defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "rapport.security.bench-identity.roles", defaultValue = "agent")
    Set<String> roles;

    void refuseOutsideBench(@Observes StartupEvent started) {
        List<String> profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        if (enabled && (!profiles.contains("bench") || profiles.contains("prod"))) {
            throw new IllegalStateException(ENABLED + " is for benchmarks only (active profiles: " + profiles + ")");
        }
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(!enabled || !identity.isAnonymous() ? identity
                : QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("bench")).addRoles(roles).build());
    }
}

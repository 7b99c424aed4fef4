package dev.rapport.feedback.outreach;

import dev.rapport.platform.security.DevelopmentTokenFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The consent client's development token ({@code rapport.consent.bearer-token}), see {@link DevelopmentTokenFilter};
 * the caller's own token is never propagated.
 */
@Priority(Priorities.AUTHENTICATION + 1)
public class DevelopmentToken extends DevelopmentTokenFilter {
    @ConfigProperty(name = "rapport.consent.bearer-token")
    Optional<String> token;

    @Override
    protected Optional<String> token() {
        return token;
    }
}

package dev.rapport.contacts.outbox;

import dev.rapport.platform.security.DevelopmentTokenFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import java.util.Optional;

/** The outbox relay's development token ({@code rapport.outbox.bearer-token}), see {@link DevelopmentTokenFilter}. */
@Priority(Priorities.AUTHENTICATION + 1)
public class OutboxDevelopmentToken extends DevelopmentTokenFilter {
    @Inject
    OutboxConfig config;

    @Override
    protected Optional<String> token() {
        return config.bearerToken();
    }
}

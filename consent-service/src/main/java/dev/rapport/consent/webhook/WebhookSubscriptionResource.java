package dev.rapport.consent.webhook;

import dev.rapport.platform.security.Roles;
import dev.rapport.platform.webhooks.WebhookAdmin;
import dev.rapport.platform.webhooks.WebhookSubscriptionsResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Partner webhook subscriptions for consent-service's events: consent.changed, outreach.decided. Admins only. */
@Path("/webhook-subscriptions")
@RolesAllowed(Roles.ADMIN)
public class WebhookSubscriptionResource extends WebhookSubscriptionsResource {
    @Inject
    ConsentWebhooks webhooks;

    @Override
    protected WebhookAdmin admin() {
        return webhooks.admin();
    }
}

package dev.rapport.gateway.webhook;

import org.eclipse.microprofile.graphql.Description;

/**
 * The service that sends a subscription's events and keeps it, with its delivery log (docs/webhooks.md). Each service
 * sends only its own events; a registration through the gateway with types of several services is one subscription in
 * each of them.
 */
@Description("The service that sends a subscription's events and keeps it with its delivery log: CONTACTS "
        + "(contacts-service), CONSENT (consent-service), FEEDBACK (feedback-service).")
public enum WebhookService {
    CONTACTS("contacts-service", "contacts"),
    CONSENT("consent-service", "consent"),
    FEEDBACK("feedback-service", "feedback");

    private final String serviceName;
    private final String configKey;

    WebhookService(String serviceName, String configKey) {
        this.serviceName = serviceName;
        this.configKey = configKey;
    }

    /** The name errors carry in {@code extensions.service}. */
    public String serviceName() {
        return serviceName;
    }

    /** The REST client configuration key whose {@code url} reaches the service. */
    public String configKey() {
        return configKey;
    }
}

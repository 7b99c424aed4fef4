package dev.rapport.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;

/**
 * The webhook events partners subscribe to (docs/webhooks.md), each sent by one service. GraphQL names them
 * CONTACT_CREATED …; on the wire (the services' REST APIs, the webhook body's {@code type}) they are contact.created …
 */
@Description("A webhook event type; the webhook body's type is its lower-case dotted form (CONTACT_CREATED: "
        + "contact.created). Contacts: CONTACT_*, IMPORT_COMPLETED; consent: CONSENT_CHANGED, OUTREACH_DECIDED; feedback: "
        + "CASE_CONFIRMED, CASE_REOPENED, RESPONSE_RECEIVED.")
public enum WebhookEventType {
    CONTACT_CREATED(WebhookService.CONTACTS),
    CONTACT_UPDATED(WebhookService.CONTACTS),
    CONTACT_MERGED(WebhookService.CONTACTS),
    CONTACT_ERASED(WebhookService.CONTACTS),
    IMPORT_COMPLETED(WebhookService.CONTACTS),
    CONSENT_CHANGED(WebhookService.CONSENT),
    OUTREACH_DECIDED(WebhookService.CONSENT),
    CASE_CONFIRMED(WebhookService.FEEDBACK),
    CASE_REOPENED(WebhookService.FEEDBACK),
    RESPONSE_RECEIVED(WebhookService.FEEDBACK);

    private final WebhookService service;

    WebhookEventType(WebhookService service) {
        this.service = service;
    }

    /** The service that sends this event. */
    public WebhookService service() {
        return service;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    @JsonCreator
    static WebhookEventType fromWire(String wire) {
        for (WebhookEventType t : values()) {
            if (t.wire().equals(wire) || t.name().equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown webhook event type " + wire);
    }
}

package dev.rapport.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;

/**
 * The webhook events partners subscribe to (docs/webhooks.md). GraphQL names them CONTACT_CREATED …; on the wire (the
 * services' REST APIs, the webhook body's {@code type}) they are contact.created …
 */
@Description("A webhook event type; the webhook body's type is its lower-case dotted form (CONTACT_CREATED: contact.created).")
public enum WebhookEventType {
    CONTACT_CREATED, CONTACT_UPDATED, CONTACT_MERGED, CONTACT_ERASED, IMPORT_COMPLETED;

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

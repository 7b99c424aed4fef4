package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo customer's own side: Casey Customer (the contact {@code ./rapport} links to the demo user {@code contact})
 * signed up for the newsletter and for consultations, is invited to rank the consultation's initiatives, and has a case
 * the club resolved and asks them to confirm. So whoever logs in as {@code contact} finds something to answer on their
 * pages, and Casey's mailbox holds the e-mails that lead there. Nothing happens when there is no Casey Customer (a
 * suite not started by {@code ./rapport}); a re-run adds nothing.
 */
final class CustomerLoader {
    static final String NAME = "Casey Customer";
    private static final String FORM = "demo-signup-form";

    private final Http http;
    private final Target target;

    CustomerLoader(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** Answers Casey's contact id, or null when there is none. */
    String load(String consultationId, Instant anchor) {
        JsonNode found = http.get(ContactsLoader.ADMIN, target.contacts() + "/contacts?" + Http.query(Map.of("name", NAME, "limit", 5)));
        String id = null;
        for (JsonNode c : found.path("items")) {
            if (NAME.equals(c.path("displayName").asText())) {
                id = c.path("id").asText();
            }
        }
        if (id == null) {
            return null;
        }
        consents(id, anchor);
        http.post(ConsultationLoader.MARKETER, target.feedback() + "/consultations/" + consultationId + "/invitations",
                Map.of("audience", List.of(Map.of("contactId", id, "attributes", Map.of("region", "north", "household", "family"))),
                        "segmentRef", "households-and-businesses-2026", "channel", "EMAIL"), null, Set.of());
        aCaseToConfirm(id, anchor);
        return id;
    }

    private void consents(String id, Instant anchor) {
        int n = 0;
        for (String[] grant : new String[][] {{"newsletter", "Send me the club newsletter"},
                {"survey", "Ask me what the club should do next"}}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "GRANT");
            body.put("purpose", grant[0]);
            body.put("channel", "EMAIL");
            body.put("source", "WEB_FORM");
            body.put("evidence", Map.of("formId", FORM, "wordingHash", ConsentLoader.sha256(grant[1])));
            body.put("occurredAt", anchor.minus(Duration.ofDays(40)).toString());
            http.post(ContactsLoader.AGENT, target.consent() + "/contacts/" + id + "/consent-events", body,
                    "demo-customer-consent-" + n++, Set.of());
        }
    }

    /** A case resolved by the agent who asks Casey "is it resolved?"; made once. */
    private void aCaseToConfirm(String id, Instant anchor) {
        JsonNode existing = http.get("agent", target.feedback() + "/by-contact/cases?contactIds=" + id);
        for (JsonNode entry : existing) {
            if (!entry.path("items").isEmpty()) {
                return;
            }
        }
        String url = ServiceLoader.openCase(http, target, id, "My season-ticket renewal was charged twice", "PHONE",
                anchor.minus(Duration.ofDays(3)), "agent");
        ServiceLoader.resolve(http, url, "Refunded the second charge; it shows on your statement within five days", false, true, null);
    }
}

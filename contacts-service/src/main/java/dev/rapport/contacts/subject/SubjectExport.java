package dev.rapport.contacts.subject;

import dev.rapport.contacts.contact.ContactView;
import dev.rapport.contacts.followup.FollowUpView;
import dev.rapport.contacts.interaction.InteractionView;
import dev.rapport.contacts.signal.SignalView;
import dev.rapport.contacts.value.LeadScoreView;
import dev.rapport.contacts.value.ValueView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything contacts-service holds about a person (GDPR Art. 15 / 20): the contact with every contact point and its
 * provenance, the contacts merged into it, the whole timeline, value, lead score, follow-ups, the signals due and
 * which ones staff acknowledged.
 */
public record SubjectExport(UUID contactId, Instant exportedAt, Instant erasedAt, ContactView contact,
        List<UUID> mergedContactIds, List<InteractionView> interactions, ValueView value, LeadScoreView leadScore,
        List<FollowUpView> followUps, List<SignalView> signalsDue, List<Acknowledgement> signalAcknowledgements) {

    public record Acknowledgement(String kind, Instant acknowledgedAt, String acknowledgedBy) {
    }
}

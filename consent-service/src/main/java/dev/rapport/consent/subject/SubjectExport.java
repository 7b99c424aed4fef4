package dev.rapport.consent.subject;

import dev.rapport.consent.facts.ContactPointFactView;
import dev.rapport.consent.ledger.ConsentEventView;
import dev.rapport.consent.ledger.ConsentState;
import dev.rapport.consent.outreach.OutreachView;
import dev.rapport.consent.policy.PolicyView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything consent-service holds about a person (GDPR Art. 15 / 20). */
public record SubjectExport(UUID contactId, Instant exportedAt, Instant erasedAt, PolicyView policy,
        List<ContactPointFactView> contactPoints, List<ConsentState> consentsNow, List<ConsentEventView> ledger,
        List<OutreachView> outreach, List<UUID> mergedContacts) {
}

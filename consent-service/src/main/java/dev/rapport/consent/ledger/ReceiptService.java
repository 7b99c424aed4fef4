package dev.rapport.consent.ledger;

import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.purpose.PurposeRepository;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceiptService {
    public static final String VERSION = "KI-CR-v1.1.0";

    @Inject
    ConsentEventRepository events;
    @Inject
    PurposeRepository purposes;
    @Inject
    ConsentConfig config;

    @WithSession
    public Uni<ConsentReceipt> receipt(UUID eventId) {
        return events.findById(eventId).chain(e -> {
            if (e == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Consent event", eventId));
            }
            if (e.kind == EventKind.ERASURE) {
                return Uni.createFrom().failure(ProblemException.rule("no-receipt", "An erasure marker is not a consent"));
            }
            return purposes.findById(e.purpose).map(p -> build(e, p == null ? e.purpose : p.description));
        });
    }

    ConsentReceipt build(ConsentEvent e, String purposeDescription) {
        ConsentConfig.Receipt r = config.receipt();
        String consentType = switch (e.source) {
            case PREFERENCE_CENTRE, WEB_FORM, UNSUBSCRIBE_LINK -> "EXPLICIT";
            case AGENT -> "EXPLICIT (recorded by an agent)";
            default -> "EXPLICIT (recorded by " + e.source + ")";
        };
        String termination = switch (e.kind) {
            case GRANT -> e.expiresAt != null ? "Expires at " + e.expiresAt + "; may be withdrawn at any time"
                    : "Until withdrawn; may be withdrawn at any time";
            case OBJECT -> e.until != null ? "Objection holds until " + e.until : "Objection holds until lifted";
            default -> "Not applicable: this event " + e.kind.name().toLowerCase() + "s consent";
        };
        List<String> piiCategory = List.of(e.channel == null ? "Contact details (all channels)"
                : "Contact details (" + e.channel.name().toLowerCase() + (e.contactPointId != null ? ", one contact point" : "") + ")");
        ConsentReceipt.Purpose purpose = new ConsentReceipt.Purpose(e.purpose, List.of(purposeDescription), consentType, piiCategory,
                true, termination, false, null);
        return new ConsentReceipt(VERSION, r.jurisdiction(), e.occurredAt.getEpochSecond(), e.source.name(), e.id.toString(), null,
                r.language(), e.contactId.toString(),
                List.of(new ConsentReceipt.PiiController(r.controllerName(), false, r.controllerContact(), r.controllerAddress(),
                        r.controllerEmail(), r.controllerPhone())),
                r.policyUrl(), List.of(new ConsentReceipt.Service("Rapport customer engagement", List.of(purpose))), false, List.of(),
                new ConsentReceipt.Extension(e.kind.name(), e.channel == null ? null : e.channel.name(), e.contactPointId,
                        e.lawfulBasis == null ? null : e.lawfulBasis.name(), e.source.name(), e.formId, e.wordingHash,
                        e.occurredAt.toString(), e.recordedAt.toString(), e.seq, e.hash));
    }
}

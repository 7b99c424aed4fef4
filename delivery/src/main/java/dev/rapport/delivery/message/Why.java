package dev.rapport.delivery.message;

import dev.rapport.delivery.clients.consent.ConsentState;
import dev.rapport.delivery.clients.consent.Purpose;
import dev.rapport.delivery.clients.contacts.Contact;
import dev.rapport.delivery.render.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The why section, in the person's language: which of their addresses the message went to and how we came to have
 * it, what it is about, and the consent (when, where given) or the lawful basis that allows it — the facts the
 * decision named as its evidence.
 */
final class Why {
    private Why() {
    }

    static List<String> sentences(Texts t, Locale locale, Contact.ContactPoint point, Purpose purpose, ConsentState evidence) {
        List<String> out = new ArrayList<>();
        out.add(switch (point.context() == null ? "" : point.context()) {
            case "WORK" -> t.whyAddressWork(point.address());
            case "PERSONAL" -> t.whyAddressPersonal(point.address());
            default -> t.whyAddress(point.address());
        });
        String kind = point.provenance() == null ? "" : point.provenance().kind();
        String source = point.provenance() == null || point.provenance().source() == null || point.provenance().source().isBlank()
                ? t.unknownSource() : point.provenance().source();
        String captured = date(point.capturedAt(), locale);
        switch (kind) {
            case "PROVIDED_BY_CONTACT" -> out.add(t.whyProvided(source, captured));
            case "IMPORTED" -> out.add(t.whyImported(source, captured));
            case "ENRICHMENT" -> out.add(t.whyEnrichment(source, captured));
            case "INFERRED" -> out.add(t.whyInferred(captured));
            default -> { }
        }
        out.add(t.whyPurpose(purpose.description()));
        if (evidence != null && "GRANTED".equals(evidence.status())) {
            out.add(t.whyConsent(date(evidence.since(), locale), source(t, evidence.source())));
        } else if ("CONTRACT".equals(purpose.lawfulBasis())) {
            out.add(t.whyContract());
        } else if ("LEGITIMATE_INTEREST".equals(purpose.lawfulBasis())) {
            out.add(t.whyLegitimateInterest());
        }
        return out;
    }

    /** The grant the decision named; failing that (a newer grant replaced it), the grant in force for e-mail. */
    static ConsentState evidence(List<ConsentState> states, UUID evidenceEventId, String purpose, UUID pointId) {
        ConsentState named = states.stream().filter(s -> s.eventId() != null && s.eventId().equals(evidenceEventId))
                .findFirst().orElse(null);
        if (named != null) {
            return named;
        }
        return states.stream().filter(s -> purpose.equals(s.purpose()) && "GRANTED".equals(s.status()))
                .filter(s -> s.channel() == null || "EMAIL".equals(s.channel()))
                .filter(s -> s.contactPointId() == null || s.contactPointId().equals(pointId))
                .findFirst().orElse(null);
    }

    static String date(Instant at, Locale locale) {
        return at == null ? "?" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(at);
    }

    private static String source(Texts t, String source) {
        return switch (source == null ? "" : source) {
            case "PREFERENCE_CENTRE" -> t.sourcePreferenceCentre();
            case "WEB_FORM" -> t.sourceWebForm();
            case "AGENT" -> t.sourceAgent();
            case "IMPORT" -> t.sourceImport();
            default -> t.sourceApi();
        };
    }
}

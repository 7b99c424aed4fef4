package dev.rapport.delivery.message;

import dev.rapport.delivery.clients.consent.Lease;
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

/**
 * The why section, in the person's language: which of their addresses the message went to and how we came to have
 * it, what it is about, and the consent (when, where given) or the lawful basis that allows it — the facts the
 * decision named as its evidence (the queue hands it with the lease: no read of the person's ledger).
 */
final class Why {
    private Why() {
    }

    static List<String> sentences(Texts t, Locale locale, Contact.ContactPoint point, Purpose purpose, Lease.Evidence evidence) {
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
        if (evidence != null && "GRANT".equals(evidence.kind())) {
            out.add(t.whyConsent(date(evidence.occurredAt(), locale), source(t, evidence.source())));
        } else if ("CONTRACT".equals(purpose.lawfulBasis())) {
            out.add(t.whyContract());
        } else if ("LEGITIMATE_INTEREST".equals(purpose.lawfulBasis())) {
            out.add(t.whyLegitimateInterest());
        }
        return out;
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

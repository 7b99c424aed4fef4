package dev.rapport.delivery.message;

import dev.rapport.delivery.clients.consent.ConsentClient;
import dev.rapport.delivery.clients.consent.Lease;
import dev.rapport.delivery.clients.consent.Purpose;
import dev.rapport.delivery.clients.contacts.Contact;
import dev.rapport.delivery.clients.contacts.ContactsClient;
import dev.rapport.delivery.clients.feedback.Feedback;
import dev.rapport.delivery.clients.feedback.FeedbackClient;
import dev.rapport.delivery.links.Links;
import dev.rapport.delivery.render.Texts;
import dev.rapport.security.links.LinkAction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gathers what one leased message shows, from the services, with the integration role: the person and the contact
 * point (contacts-service) and the purpose (consent-service), read once per batch ({@link #gather}); the consent that
 * allows it (in the lease itself); and what the message is about (feedback-service, by its payloadRef). A person,
 * address or record that is gone makes the message {@link Undeliverable}; a service that does not answer fails the Uni
 * (tried again on a later lease).
 */
@ApplicationScoped
public class Composer {
    @Inject
    ContactsClient contacts;
    @Inject
    ConsentClient consent;
    @Inject
    FeedbackClient feedback;
    @Inject
    Links links;
    @ConfigProperty(name = "rapport.default-language", defaultValue = "en")
    String defaultLanguage;

    /** Reads what a batch's messages share: its people in two bulk calls, each distinct purpose once. */
    public Uni<RoundFacts> gather(List<Lease> leases) {
        List<UUID> people = leases.stream().map(Lease::contactId).distinct().toList();
        List<String> codes = leases.stream().map(Lease::purpose).distinct().toList();
        List<Uni<Map.Entry<String, Purpose>>> reads = codes.stream()
                .map(code -> consent.purpose(code).map(p -> (Map.Entry<String, Purpose>) new AbstractMap.SimpleEntry<>(code, p)))
                .toList();
        Uni<Map<String, Purpose>> purposes = reads.isEmpty() ? Uni.createFrom().item(Map.of())
                : Uni.join().all(reads).andFailFast().map(entries -> {
                    Map<String, Purpose> out = new HashMap<>();
                    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
                    return out;
                });
        List<Uni<Map<UUID, Contact>>> chunks = new ArrayList<>();
        for (int i = 0; i < people.size(); i += ContactsClient.MAX_IDS) {
            chunks.add(contacts.contacts(people.subList(i, Math.min(people.size(), i + ContactsClient.MAX_IDS))));
        }
        Uni<Map<UUID, Contact>> known = chunks.isEmpty() ? Uni.createFrom().item(Map.of())
                : Uni.join().all(chunks).andFailFast().map(maps -> {
                    Map<UUID, Contact> out = new HashMap<>();
                    maps.forEach(out::putAll);
                    return out;
                });
        return Uni.combine().all().unis(known, purposes).asTuple()
                .map(t -> new RoundFacts(t.getItem1(), t.getItem2(), null))
                .onFailure().recoverWithItem(RoundFacts::failed);
    }

    public Uni<MessageModel> compose(Lease lease, RoundFacts facts) {
        if (facts.failure() != null) {
            return Uni.createFrom().failure(facts.failure());
        }
        Contact batched = facts.contacts().get(lease.contactId());
        // not in the bulk answer, or without the point: merged away or erased since; the single read follows a merge
        Uni<Contact> person = batched != null && lease.contactPointId() != null && batched.point(lease.contactPointId()) != null
                ? Uni.createFrom().item(batched) : contacts.contact(lease.contactId());
        PayloadRef ref = PayloadRef.parse(lease.payloadRef());
        return person.chain(contact -> {
            Purpose purpose = facts.purposes().get(lease.purpose());
            if (contact == null) {
                throw new Undeliverable("contact " + lease.contactId() + " no longer exists");
            }
            Contact.ContactPoint point = lease.contactPointId() == null ? null : contact.point(lease.contactPointId());
            if (point == null || !"EMAIL".equals(point.channel()) || point.address() == null) {
                throw new Undeliverable("contact point " + lease.contactPointId() + " is no longer an e-mail address of "
                        + "contact " + lease.contactId());
            }
            if (purpose == null) {
                throw new Undeliverable("purpose " + lease.purpose() + " no longer exists");
            }
            String language = Language.of(contact.language(), defaultLanguage);
            Locale locale = Locale.forLanguageTag(language);
            Texts texts = MessageBundles.get(Texts.class, Localized.Literal.of(language));
            MessageModel base = new MessageModel(lease.id(), ref.kind(), language, name(contact),
                    point.address(), Why.sentences(texts, locale, point, purpose, lease.evidence()), null, null,
                    links.page(contact.id(), LinkAction.PREFERENCES, null, lease.purpose()),
                    links.unsubscribe(contact.id(), lease.id(), lease.purpose()), MessageModel.Content.of(purpose.description()));
            return about(ref, base, lease, locale);
        });
    }

    /** Adds what the message is about and the link that acts on it, per kind. */
    private Uni<MessageModel> about(PayloadRef ref, MessageModel m, Lease lease, Locale locale) {
        UUID contact = lease.contactId();
        String purpose = lease.purpose();
        return switch (ref.kind()) {
            case INVITATION -> feedback.invitationLink(ref.subject()).chain(link -> {
                Feedback.InvitationLink l = require(link, "invitation", ref.subject());
                return feedback.consultation(l.consultationId()).map(c -> with(m,
                        links.page(contact, LinkAction.CONSULTATION, ref.subject(), purpose), null,
                        m.content().consultation(require(c, "consultation", l.consultationId()).title())));
            });
            case ACTION_NOTICE -> feedback.action(ref.subject()).chain(a -> {
                Feedback.Action action = require(a, "action", ref.subject());
                return feedback.consultation(action.consultationId()).map(c -> {
                    Feedback.Initiative i = require(c, "consultation", action.consultationId()).initiative(action.initiativeId());
                    return with(m, links.page(contact, LinkAction.FOLLOW_UP, ref.followUp(), purpose), null,
                            m.content().consultation(c.title()).action(i == null ? c.title() : i.title(), action.decision(),
                                    action.description(), action.reason()));
                });
            });
            case THREAD_REPLY -> consultationOf(lease).map(c -> with(m,
                    links.page(contact, LinkAction.FOLLOW_UP, ref.followUp(), purpose), null,
                    m.content().consultation(c == null ? "" : c.title())));
            case CASE_CONFIRMATION -> feedback.supportCase(ref.subject()).map(sc -> {
                Feedback.SupportCase c = require(sc, "case", ref.subject());
                return with(m, links.page(contact, LinkAction.CASE, c.id(), purpose),
                        links.page(contact, LinkAction.RATING, c.id(), purpose),
                        m.content().supportCase(c.problem(), Why.date(c.openedAt(), locale), Why.date(c.resolvedAt(), locale)));
            });
            case RENEWAL_OFFER -> feedback.renewalOffer(ref.subject()).map(o -> {
                Feedback.RenewalOffer offer = require(o, "renewal offer", ref.subject());
                return with(m, links.page(contact, LinkAction.RENEWAL_OFFER, offer.id(), purpose), null,
                        m.content().renewal(offer.programme(), offer.period()));
            });
            // nothing about the consultation or the initiative: the message must not tie the person to what they rated
            case ANONYMOUS_NOTICE -> Uni.createFrom().item(with(m,
                    links.page(contact, LinkAction.FOLLOW_UP, ref.followUp(), purpose), null, m.content()));
            case PLAIN -> Uni.createFrom().item(m);
        };
    }

    /** A thread reply names its consultation in the campaign ({@code consultation:<id>}). */
    private Uni<Feedback.Consultation> consultationOf(Lease lease) {
        String campaign = lease.campaign();
        if (campaign == null || !campaign.startsWith("consultation:")) {
            return Uni.createFrom().nullItem();
        }
        try {
            return feedback.consultation(UUID.fromString(campaign.substring("consultation:".length())));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().nullItem();
        }
    }

    private static MessageModel with(MessageModel m, String actionUrl, String ratingUrl, MessageModel.Content content) {
        return new MessageModel(m.outreachId(), m.kind(), m.language(), m.name(), m.address(), m.why(), actionUrl, ratingUrl,
                m.preferencesUrl(), m.unsubscribeUrl(), content);
    }

    private static <T> T require(T value, String what, UUID id) {
        if (value == null) {
            throw new Undeliverable(what + " " + id + " no longer exists");
        }
        return value;
    }

    private static String name(Contact c) {
        if (c.givenName() != null && !c.givenName().isBlank()) {
            return c.givenName().strip();
        }
        return c.displayName() == null || c.displayName().isBlank() ? null : c.displayName().strip();
    }
}

package dev.rapport.gateway.clients.contacts;

import dev.rapport.gateway.common.Enums;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.math.BigDecimal;
import java.time.Instant;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.contact.Contact;
import dev.rapport.gateway.contact.ContactPoint;
import dev.rapport.gateway.contact.FollowUp;
import dev.rapport.gateway.contact.IngestResult;
import dev.rapport.gateway.contact.Inputs;
import dev.rapport.gateway.contact.Interaction;
import dev.rapport.gateway.contact.InteractionType;
import dev.rapport.gateway.contact.LeadScore;
import dev.rapport.gateway.contact.LikelyDuplicate;
import dev.rapport.gateway.contact.Organisation;
import dev.rapport.gateway.contact.Signal;
import dev.rapport.gateway.contact.Value;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.ReplaysFirstAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * contacts-service behind timeouts and a circuit breaker; reads are retried, writes are not (a retried write could
 * apply twice). Refused input ({@link ProblemResponse}) is neither retried nor counted as a failure. Values are tuned
 * in application.properties ({@code dev.rapport.gateway.clients.contacts.ContactsClient/Timeout/value} etc.).
 */
@ApplicationScoped
@Timeout(2000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemResponse.class)
public class ContactsClient {
    public static final String SERVICE = "contacts-service";
    /** contacts-service's limit for {@code GET /contacts?ids=} and {@code GET /values?contactIds=}. */
    public static final int MAX_IDS = 500;

    @Inject
    @RestClient
    ContactsRestClient rest;
    @Inject
    @RestClient
    ImportProgressRestClient progress;

    /** One call for up to 500 ids; the answer is in the order asked, null where a contact does not exist. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Contact>> byIds(List<String> ids) {
        return rest.byIds(String.join(",", ids), Math.min(ids.size(), MAX_IDS))
                .map(page -> inOrder(ids, page.itemsOrEmpty()));
    }

    private static List<Contact> inOrder(List<String> ids, List<Contact> found) {
        Map<String, Contact> byId = new LinkedHashMap<>();
        found.forEach(c -> byId.put(c.id(), c));
        List<Contact> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(byId.get(id)));
        return out;
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Contact> get(String id) {
        return Downstream.notFoundAsNull(rest.get(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Contact>> search(Inputs.ContactFilter f, String cursor, Integer limit) {
        Inputs.ContactFilter q = f == null ? new Inputs.ContactFilter(null, null, null, null, null, null, null, null, null, null, null) : f;
        return rest.search(q.name(), q.organisationId(), q.tags(), Enums.name(q.stage()), Enums.name(q.channel()), Enums.name(q.provenance()),
                q.minValue() == null ? null : q.minValue().toPlainString(),
                q.maxValue() == null ? null : q.maxValue().toPlainString(), Enums.name(q.signal()), q.owner(), q.sort(), cursor, limit);
    }

    public Uni<Contact> create(String idempotencyKey, Inputs.NewContact in) {
        return rest.create(idempotencyKey, in);
    }

    public Uni<Contact> update(String id, Inputs.ContactUpdate in) {
        return rest.update(id, in);
    }

    /** Idempotent (the same language set twice is one change), so retried like a read. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("a PUT of the same language answers the same contact")
    public Uni<Contact> setLanguage(String id, String language) {
        return rest.setLanguage(id, new LanguageChoice(language));
    }

    /** {@code PUT /contacts/{id}/language}'s body. */
    public record LanguageChoice(String language) {
    }

    @Timeout(30000)
    public Uni<Contact> merge(String id, Inputs.Merge in) {
        return rest.merge(id, in);
    }

    public Uni<ContactPoint> addContactPoint(String contactId, Inputs.NewContactPoint in) {
        return rest.addPoint(contactId, in);
    }

    public Uni<ContactPoint> updateContactPoint(String contactId, String pointId, Inputs.ContactPointUpdate in) {
        return rest.updatePoint(contactId, pointId, in);
    }

    public Uni<Void> removeContactPoint(String contactId, String pointId) {
        return rest.removePoint(contactId, pointId);
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<ContactPoint>>> contactPointsOf(List<String> contactIds) {
        return rest.contactPointsOf(String.join(",", contactIds)).map(points -> {
            Map<String, List<ContactPoint>> byId = new LinkedHashMap<>();
            points.forEach(p -> byId.computeIfAbsent(p.contactId(), k -> new ArrayList<>()).add(p));
            return contactIds.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
        });
    }

    /** One call for up to 500 contacts; in the order asked, null where there is nothing. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Value>> values(List<String> contactIds) {
        return rest.values(String.join(",", contactIds)).map(values -> {
            Map<String, Value> byId = new LinkedHashMap<>();
            values.forEach(v -> byId.put(v.contactId(), v));
            return contactIds.stream().map(byId::get).toList();
        });
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<LeadScore> leadScore(String contactId) {
        return Downstream.notFoundAsNull(rest.leadScore(contactId));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Signal>> signals(String contactId) {
        return Downstream.notFoundAsNull(rest.signals(contactId));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Signal>> signalsDue(String owner, String kind, String cursor, Integer limit) {
        return rest.signalsDue(owner, kind, cursor, limit);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<LikelyDuplicate>> likelyDuplicates(String cursor, Integer limit) {
        return rest.likelyDuplicates(cursor, limit);
    }

    public Uni<Void> acknowledgeSignal(String contactId, String kind) {
        return rest.acknowledgeSignal(contactId, kind);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Interaction>> timeline(String contactId, List<String> types, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.timeline(contactId, types, cursor, limit));
    }

    /**
     * Not retried: contacts-service makes a repeated (source, externalId) a no-op, but it answers DUPLICATE where the
     * first call answered CREATED.
     */
    public Uni<IngestResult> pushInteraction(Inputs.NewInteraction in) {
        return rest.push(InteractionBody.of(in));
    }

    /** Not retried (a repeat answers DUPLICATE for every row); a batch of up to 1000 gets a longer timeout. */
    @Timeout(30000)
    public Uni<List<IngestResult>> pushInteractions(List<Inputs.NewInteraction> in) {
        return rest.pushBatch(in.stream().map(InteractionBody::of).toList());
    }

    /** {@code POST /interactions}'s body: the GraphQL input, its details as the JSON object contacts-service takes. */
    public record InteractionBody(String contactId, Inputs.ContactPointRef contactPoint, InteractionType type,
            Instant occurredAt, String source, String externalId, BigDecimal amount, String currency, String channel,
            String subject, Map<String, String> details) {
        static InteractionBody of(Inputs.NewInteraction in) {
            Map<String, String> details = null;
            if (in.details() != null) {
                details = new LinkedHashMap<>();
                for (Inputs.Entry e : in.details()) {
                    details.put(e.key(), e.value());
                }
            }
            return new InteractionBody(in.contactId(), in.contactPoint(), in.type(), in.occurredAt(), in.source(),
                    in.externalId(), in.amount(), in.currency(), in.channel(), in.subject(), details);
        }
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<FollowUp>> followUps(String contactId, boolean includeCompleted) {
        return Downstream.notFoundAsNull(rest.followUps(contactId, includeCompleted));
    }

    public Uni<FollowUp> addFollowUp(String contactId, Inputs.NewFollowUp in) {
        return rest.addFollowUp(contactId, in);
    }

    public Uni<FollowUp> completeFollowUp(String contactId, String followUpId) {
        return rest.completeFollowUp(contactId, followUpId);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Organisation> organisation(String id) {
        return Downstream.notFoundAsNull(rest.organisation(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Organisation>> organisations(String name, String cursor, Integer limit) {
        return rest.organisations(name, cursor, limit);
    }

    public Uni<Organisation> createOrganisation(Inputs.Organisation in) {
        return rest.createOrganisation(in);
    }

    public Uni<Organisation> updateOrganisation(String id, Inputs.Organisation in) {
        return rest.updateOrganisation(id, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<dev.rapport.gateway.contact.ImportJob> importJob(String id) {
        return Downstream.notFoundAsNull(rest.importJob(id));
    }

    /** {@link #importJob} for a subscription's poll, as the subscriber (see {@link ImportProgressRestClient}). */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<dev.rapport.gateway.contact.ImportJob> importJobFor(String subscriberBearer, String id) {
        return Downstream.notFoundAsNull(progress.importJob(subscriberBearer, id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<dev.rapport.gateway.contact.ImportJob.ImportError>> importErrors(String id, String cursor,
            Integer limit) {
        return Downstream.notFoundAsNull(rest.importErrors(id, cursor, limit));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<dev.rapport.gateway.contact.ImportJob.ImportRow>> importRows(String id, String outcome, String cursor,
            Integer limit) {
        return Downstream.notFoundAsNull(rest.importRows(id, outcome, cursor, limit));
    }

    /** One call for up to 500 organisations; in the order asked, null where one does not exist. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Organisation>> organisationsOf(List<String> ids) {
        return rest.organisationsByIds(String.join(",", ids), Math.min(ids.size(), MAX_IDS)).map(page -> {
            Map<String, Organisation> byId = new LinkedHashMap<>();
            page.itemsOrEmpty().forEach(o -> byId.put(o.id(), o));
            return ids.stream().map(byId::get).toList();
        });
    }

    /** One call for up to 500 contacts; in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<LeadScore>> leadScoresOf(List<String> contactIds) {
        return rest.leadScoresOf(String.join(",", contactIds)).map(found -> {
            Map<String, LeadScore> byId = new LinkedHashMap<>();
            found.forEach(s -> byId.put(s.contactId(), s));
            return contactIds.stream().map(byId::get).toList();
        });
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<Signal>>> signalsOf(List<String> contactIds) {
        return rest.signalsOf(String.join(",", contactIds)).map(found -> PerContact.lists(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<FollowUp>>> followUpsOf(List<String> contactIds, boolean includeCompleted) {
        return rest.followUpsOf(String.join(",", contactIds), includeCompleted)
                .map(found -> PerContact.lists(contactIds, found));
    }

    /** One call for up to 500 contacts: each contact's first page, with its own cursor; in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<Interaction>>> timelinesOf(List<String> contactIds, List<String> types, String cursor,
            Integer limit) {
        return rest.timelinesOf(String.join(",", contactIds), types, cursor, limit)
                .map(found -> PerContact.pages(contactIds, found));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<String> dataExport(String contactId) {
        return rest.dataExport(contactId);
    }

    /** Erasure is idempotent (erasing twice leaves the same state), so it is retried. */
    @ReplaysFirstAnswer("erasing twice leaves the same state; contacts-service answers 204 again")
    @Retry(maxRetries = 3, delay = 200, maxDuration = 6000, abortOn = ProblemResponse.class)
    @Timeout(30000)
    public Uni<Void> erase(String contactId) {
        return rest.erase(contactId);
    }

    // --- signal summary and inline imports -------------------------------------------------------------------------

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<dev.rapport.gateway.signal.SignalSummary>> signalSummary() {
        return rest.signalSummary();
    }

    /** The Idempotency-Key names the job: a retry returns the same job, so it is retried. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("the Idempotency-Key (required) names the job: a repeat answers the same job")
    @Timeout(30000)
    public Uni<dev.rapport.gateway.contact.ImportJob> importCsv(String idempotencyKey, String fileName,
            String mode, String csv) {
        return rest.importCsv(idempotencyKey, fileName, mode, csv);
    }
}

package dev.rapport.gateway.clients.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.DownstreamFailure;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.ReplaysFirstAnswer;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.consent.ConsentEvent;
import dev.rapport.gateway.consent.ConsentState;
import dev.rapport.gateway.consent.Decision;
import dev.rapport.gateway.consent.Inputs;
import dev.rapport.gateway.consent.Policy;
import dev.rapport.gateway.consent.Purpose;
import dev.rapport.gateway.consent.Touch;
import dev.rapport.gateway.ledger.ChainVerification;
import dev.rapport.gateway.ledger.ConsentReceipt;
import dev.rapport.gateway.ledger.ContactPointFact;
import dev.rapport.gateway.common.Channel;
import dev.rapport.gateway.common.Enums;
import dev.rapport.gateway.outreach.AudienceTally;
import dev.rapport.gateway.outreach.BulkOutreachResult;
import dev.rapport.gateway.outreach.SegmentOutreach;
import dev.rapport.gateway.outreach.SegmentReach;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** consent-service behind timeouts and a circuit breaker; reads (decisions included) are retried, writes are not. */
@ApplicationScoped
@Timeout(2000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemResponse.class)
public class ConsentClient {
    public static final String SERVICE = "consent-service";
    /** consent-service's limit for GET /consents, /policies and /by-contact/…?contactIds=. */
    public static final int MAX_IDS = 500;

    @Inject
    @RestClient
    ConsentRestClient rest;
    @Inject
    @RestClient
    LinkOpensRestClient linkOpens;
    @Inject
    ObjectMapper json;

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<ConsentState>> consents(String contactId, Instant at) {
        return Downstream.notFoundAsNull(rest.consents(contactId, at == null ? null : at.toString()));
    }

    /** Up to 500 contacts in one call (staff and integrations); in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<ConsentState>>> consentsOf(List<String> contactIds, Instant at) {
        return rest.consentsOf(String.join(",", contactIds), at == null ? null : at.toString()).map(found -> {
            Map<String, List<ConsentState>> byId = new HashMap<>();
            found.forEach(c -> byId.put(c.contactId(), c.consents()));
            return contactIds.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
        });
    }

    /** Up to 500 contacts in one call (staff and integrations); in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Policy>> policiesOf(List<String> contactIds) {
        return rest.policiesOf(String.join(",", contactIds)).map(found -> {
            Map<String, Policy> byId = new HashMap<>();
            found.forEach(p -> byId.put(p.contactId(), p));
            return contactIds.stream().map(byId::get).toList();
        });
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<ConsentEvent>> ledger(String contactId, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.ledger(contactId, cursor, limit));
    }

    public Uni<ConsentEvent> record(String contactId, Inputs.ConsentEventInput in) {
        return rest.record(contactId, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Policy> policy(String contactId) {
        return Downstream.notFoundAsNull(rest.policy(contactId));
    }

    /** Carries the version the caller read, so a retry after a lost answer fails with a conflict instead of applying twice. */
    public Uni<Policy> putPolicy(String contactId, Inputs.PolicyInput in) {
        return rest.putPolicy(contactId, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("a decision is a read: POST /decisions stores nothing")
    public Uni<Decision> decide(String contactId, String purpose, String channel) {
        return rest.decide(new DecisionQuestion(contactId, purpose, channel, null, null)).map(d -> d.withPurpose(purpose));
    }

    /** One streamed call for the whole list: decisions in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("decisions are reads: POST /decisions/bulk stores nothing")
    public Uni<List<Decision>> decideAll(List<String> contactIds, String purpose, String channel) {
        return rest.decideBulk(purpose, channel, String.join("\n", contactIds)).map(ndjson -> {
            Map<String, Decision> byContact = new HashMap<>();
            for (String line : ndjson.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = json.readTree(line);
                    if (node.hasNonNull("contactId")) {
                        byContact.put(node.get("contactId").asText(),
                                json.treeToValue(node, Decision.class).withPurpose(purpose));
                    }
                } catch (Exception e) {
                    throw new DownstreamFailure("consent-service sent an unreadable decision");
                }
            }
            List<Decision> out = new ArrayList<>(contactIds.size());
            contactIds.forEach(id -> out.add(byContact.get(id)));
            return out;
        });
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Purpose>> purposes() {
        return rest.purposes();
    }

    public Uni<Purpose> createPurpose(Inputs.PurposeInput in) {
        return rest.createPurpose(in);
    }

    public Uni<Purpose> replacePurpose(String code, Inputs.PurposeInput in) {
        return rest.replacePurpose(code, in);
    }

    /** Idempotency-Key makes a retry safe: consent-service answers a repeated key with the first result. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("the Idempotency-Key (made by the gateway when the caller gives none) replays the first answer")
    public Uni<Touch> requestOutreach(String idempotencyKey, Inputs.OutreachInput in) {
        return rest.requestOutreach(idempotencyKey, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Touch>> touches(String contactId, String status, String cursor, Integer limit) {
        return rest.outreach(contactId, null, status, cursor, limit);
    }

    /** Up to 500 contacts in one call: each contact's newest events with its own cursor; in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<ConsentEvent>>> ledgersOf(List<String> contactIds, String cursor, Integer limit) {
        return rest.ledgersOf(String.join(",", contactIds), cursor, limit).map(found -> PerContact.pages(contactIds, found));
    }

    /** Up to 500 contacts in one call: each contact's newest outreach requests; in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<Touch>>> touchesOf(List<String> contactIds, String status, String cursor, Integer limit) {
        return rest.touchesOf(String.join(",", contactIds), status, cursor, limit)
                .map(found -> PerContact.pages(contactIds, found));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<String> dataExport(String contactId) {
        return rest.dataExport(contactId);
    }

    /** Erasure is idempotent (erasing twice leaves the same state), so it is retried. */
    @ReplaysFirstAnswer("erasing twice leaves the same state; consent-service answers 204 again")
    @Retry(maxRetries = 3, delay = 200, maxDuration = 6000, abortOn = ProblemResponse.class)
    @Timeout(30000)
    public Uni<Void> erase(String contactId) {
        return rest.erase(contactId);
    }

    // --- the ledger by filter, single items, receipts, outreach reads and bulk ---------------------------------------

    /** One decision with every option consent-service offers: one contact point, and as of a past instant. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("a decision is a read: POST /decisions stores nothing")
    public Uni<Decision> decideAt(String contactId, String purpose, String channel, String contactPointId,
            Instant at) {
        return rest.decide(new DecisionQuestion(contactId, purpose, channel, contactPointId, at == null ? null : at.toString()))
                .map(d -> d.withPurpose(purpose));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<ConsentEvent> consentEvent(String id) {
        return Downstream.notFoundAsNull(rest.consentEvent(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<ConsentEvent>> consentEvents(String contactId, String purpose, Instant from, Instant to) {
        return rest.consentEvents(contactId, purpose, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<ChainVerification> verifyChain(String contactId) {
        return rest.verifyChain(contactId);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<ConsentReceipt> receipt(String eventId) {
        return Downstream.notFoundAsNull(rest.receipt(eventId));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<ContactPointFact>> contactPointFacts(String contactId) {
        return rest.contactPointFacts(contactId);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Purpose> purpose(String code) {
        return Downstream.notFoundAsNull(rest.purpose(code));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Touch> outreachRequest(String id) {
        return Downstream.notFoundAsNull(rest.outreachRequest(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Touch>> outreachRequests(String contactId, String campaign, String status, String cursor,
            Integer limit) {
        return rest.outreach(contactId, campaign, status, cursor, limit);
    }

    /**
     * Not retried: a repeat answers DUPLICATE (with a campaign) or asks again (without). Up to 1000 decisions take time:
     * a longer timeout.
     */
    @Timeout(30000)
    public Uni<List<BulkOutreachResult>> requestOutreachBulk(List<String> contactIds, String purpose, String channel,
            String campaign, String payloadRef) {
        return rest.requestOutreachBulk(purpose, channel, campaign, payloadRef, String.join("\n", contactIds))
                .map(ndjson -> {
                    List<BulkOutreachResult> out = new ArrayList<>(contactIds.size());
                    for (String line : ndjson.split("\n")) {
                        if (line.isBlank()) {
                            continue;
                        }
                        try {
                            out.add(json.readValue(line, BulkOutreachResult.class));
                        } catch (Exception e) {
                            throw new DownstreamFailure("consent-service sent an unreadable outreach result");
                        }
                    }
                    return out;
                });
    }

    /**
     * Every member of a segment decided, counted as the answer streams in (constant memory whatever the segment's size).
     * A read, but not retried: a repeat would decide the whole segment again; a large segment takes long, hence the
     * longer timeout.
     */
    @Timeout(120000)
    public Uni<SegmentReach> reachOfSegment(String segmentId, String purpose, Channel channel) {
        return rest.decideSegment(purpose, Enums.name(channel), segmentId, "")
                .collect().in(AudienceTally::new, AudienceTally::decision)
                .map(t -> t.reach(segmentId, purpose, channel));
    }

    /**
     * Outreach for every member of a segment, counted as the answer streams in. Not retried by the gateway; the campaign
     * makes the caller's own retry safe (a repeat answers DUPLICATE for those already asked).
     */
    @Timeout(120000)
    public Uni<SegmentOutreach> requestOutreachForSegment(String segmentId, String purpose, Channel channel,
            String campaign, String payloadRef) {
        return rest.requestOutreachForSegment(purpose, Enums.name(channel), campaign, payloadRef, segmentId, "")
                .collect().in(AudienceTally::new, AudienceTally::outreach)
                .map(t -> t.outreachResult(segmentId, purpose, campaign));
    }

    public Uni<ConsentEvent> unsubscribe(String deliveryId, Boolean thisChannelOnly) {
        return rest.unsubscribe(deliveryId, new UnsubscribeChoice(thisChannelOnly));
    }

    /**
     * How many sessions the session's own link has opened, this one included, asked as that session (its
     * {@code Authorization} header), not as the caller, who has no token. Not retried: a repeat would count twice.
     */
    public Uni<LinkOpen> countLinkOpen(String sessionBearer) {
        return linkOpens.countLinkOpen(sessionBearer);
    }

    /** {@code POST /decisions}'s body: one contact, one purpose; a channel, a contact point and a past instant if asked. */
    public record DecisionQuestion(String contactId, String purpose, String channel, String contactPointId, String at) {
    }

    /** {@code POST /outreach/deliveries/{id}/unsubscribe}'s body. */
    public record UnsubscribeChoice(Boolean thisChannelOnly) {
    }
}

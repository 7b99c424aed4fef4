package dev.rapport.gateway.clients.contacts;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.ReplaysFirstAnswer;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.contact.Contact;
import dev.rapport.gateway.segment.Segment;
import dev.rapport.gateway.segment.SegmentCount;
import dev.rapport.gateway.segment.SegmentFilter;
import dev.rapport.gateway.segment.SegmentInput;
import dev.rapport.gateway.segment.SegmentMembersUpload;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** contacts-service's segments, behind the same timeout and breaker policy as {@link ContactsClient}; reads retried. */
@ApplicationScoped
@Timeout(2000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemResponse.class)
public class SegmentsClient {
    @Inject
    @RestClient
    ContactsRestClient rest;

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Segment>> list(String auth, String cursor, Integer limit) {
        return rest.segments(auth, cursor, limit);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Segment> get(String auth, String id) {
        return Downstream.notFoundAsNull(rest.segment(auth, id));
    }

    public Uni<Segment> create(String auth, SegmentInput in) {
        return rest.createSegment(auth, body(in, null));
    }

    /** Carries the version read: a repeat of an applied update is refused (409), never applied twice, so it is retried. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("the version read makes a repeat a 409, never a second change")
    public Uni<Segment> update(String auth, String id, SegmentInput in, int version) {
        return rest.updateSegment(auth, id, body(in, version));
    }

    public Uni<Void> delete(String auth, String id) {
        return rest.deleteSegment(auth, id);
    }

    /** The whole list replaces the old one: sending it twice leaves the same list. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("the list replaces the stored one whole: a repeat stores the same list")
    public Uni<SegmentMembersUpload> setMembers(String auth, String id, List<String> contactIds) {
        return rest.uploadSegmentMembers(auth, id, String.join("\n", contactIds) + "\n");
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Contact>> members(String auth, String id, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.segmentMembers(auth, id, cursor, limit));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<SegmentCount> count(String auth, String id) {
        return Downstream.notFoundAsNull(rest.segmentCount(auth, id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<SegmentCount> preview(String auth, SegmentFilter filter) {
        return rest.previewSegment(auth, filter == null ? Map.of() : filter);
    }

    private static Map<String, Object> body(SegmentInput in, Integer version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", in.name());
        body.put("description", in.description());
        body.put("kind", in.kind());
        body.put("filter", in.filter());
        body.put("version", version);
        return body;
    }
}

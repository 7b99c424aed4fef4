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
import dev.rapport.gateway.segment.SegmentKind;
import dev.rapport.gateway.segment.SegmentMembersUpload;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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

    /** No criteria: every contact (written as {@code {}}). */
    private static final SegmentFilter EVERY_CONTACT = new SegmentFilter(null, null, null, null, null, null, null, null, null,
            null, null, null);

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Segment>> list(String cursor, Integer limit) {
        return rest.segments(cursor, limit);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Segment> get(String id) {
        return Downstream.notFoundAsNull(rest.segment(id));
    }

    public Uni<Segment> create(SegmentInput in) {
        return rest.createSegment(SegmentBody.of(in, null));
    }

    /** Carries the version read: a repeat of an applied update is refused (409), never applied twice, so it is retried. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("the version read makes a repeat a 409, never a second change")
    public Uni<Segment> update(String id, SegmentInput in, int version) {
        return rest.updateSegment(id, SegmentBody.of(in, version));
    }

    public Uni<Void> delete(String id) {
        return rest.deleteSegment(id);
    }

    /** The whole list replaces the old one: sending it twice leaves the same list. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("the list replaces the stored one whole: a repeat stores the same list")
    public Uni<SegmentMembersUpload> setMembers(String id, List<String> contactIds) {
        return rest.uploadSegmentMembers(id, String.join("\n", contactIds) + "\n");
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Contact>> members(String id, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.segmentMembers(id, cursor, limit));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<SegmentCount> count(String id) {
        return Downstream.notFoundAsNull(rest.segmentCount(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<SegmentCount> preview(SegmentFilter filter) {
        return rest.previewSegment(filter == null ? EVERY_CONTACT : filter);
    }

    /** {@code POST /segments} and {@code PUT /segments/{id}}'s body: the definition, and the version read for a change. */
    public record SegmentBody(String name, String description, SegmentKind kind, SegmentFilter filter, Integer version) {
        static SegmentBody of(SegmentInput in, Integer version) {
            return new SegmentBody(in.name(), in.description(), in.kind(), in.filter(), version);
        }
    }
}

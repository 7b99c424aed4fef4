package dev.rapport.feedback.audience;

import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Streams a segment's members from contacts-service a page at a time (keyset by contact id), so an audience of any
 * size is held one page at a time. Every page after the first pins the version the first one reported: an edit of
 * the segment mid-way fails the audience (409 segment-changed) instead of mixing two definitions.
 */
@ApplicationScoped
public class SegmentMembers {
    private static final Logger LOG = Logger.getLogger(SegmentMembers.class);

    @Inject
    @RestClient
    SegmentsRestClient rest;
    @ConfigProperty(name = "rapport.contacts.segment-page-size", defaultValue = "1000")
    int pageSize;

    /**
     * A read of the page (bounded by the client's timeouts, quarkus.rest-client.contacts.*; not retried: inviting again
     * is safe, people already invited are skipped); 404 is the caller's bad segmentId, 409 a segment that changed,
     * anything else unavailable.
     */
    public Uni<SegmentPage> page(String auth, UUID segmentId, UUID after, Integer version) {
        return rest.memberIds(auth, segmentId, after, version, pageSize).onFailure(WebApplicationException.class)
                .transform(problem(segmentId));
    }

    /**
     * Folds every page of the segment into {@code state} with {@code step}, one page at a time, and answers the last
     * state. {@code step} sees each page once, in id order.
     */
    public <S> Uni<S> fold(String auth, UUID segmentId, S state, Function<Step<S>, Uni<S>> step) {
        return next(auth, segmentId, null, null, state, step);
    }

    /** One page and the state so far. */
    public record Step<S>(SegmentPage page, S state) {
    }

    private <S> Uni<S> next(String auth, UUID segmentId, UUID after, Integer version, S state, Function<Step<S>, Uni<S>> step) {
        return page(auth, segmentId, after, version).chain(p -> step.apply(new Step<>(p, state))
                .chain(s -> p.next() == null ? Uni.createFrom().item(s) : next(auth, segmentId, p.next(), p.version(), s, step)));
    }

    private static Function<WebApplicationException, Throwable> problem(UUID segmentId) {
        return e -> {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return ProblemException.ruleOnField("unknown-segment", "segmentId", "names no segment (" + segmentId + ")");
            }
            if (status == 409) {
                return ProblemException.conflict("segment-changed", "Segment " + segmentId
                        + " changed while its members were being read; the part already taken stays recorded, send again to take the rest");
            }
            if (status == 403) {
                return ProblemException.forbidden("Your role may not read segment " + segmentId);
            }
            LOG.warnf("contacts-service answered %d for segment %s", status, segmentId);
            return ProblemException.unavailable("contacts-unavailable", "contacts-service could not list segment " + segmentId, 5);
        };
    }
}

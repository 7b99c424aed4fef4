package dev.rapport.consent.audience;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.common.NdjsonIds;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Where a bulk call's audience comes from: NDJSON ids in the body, or a contacts-service segment named by
 * {@code segmentId}, read a page at a time (keyset by contact id, each page pinned to the version of the first), so
 * either way memory holds one chunk whatever the audience's size.
 */
@ApplicationScoped
public class Audiences {
    private static final Logger LOG = Logger.getLogger(Audiences.class);

    @Inject
    @RestClient
    SegmentsRestClient segments;
    @Inject
    ObjectMapper json;

    /** Blocking (peeks at the body): call from a worker thread. */
    public AudienceIds of(InputStream body, String segmentId, String auth, long maxContacts) {
        if (segmentId == null || segmentId.isBlank()) {
            NdjsonIds lines = new NdjsonIds(body, json, maxContacts);
            return new AudienceIds() {
                @Override
                public Uni<List<NdjsonIds.Line>> next(int size) {
                    return Uni.createFrom().item(() -> lines.next(size)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                }

                @Override
                public void close() {
                    lines.close();
                }
            };
        }
        UUID id;
        try {
            id = UUID.fromString(segmentId.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("segmentId", "is not a segment id (a UUID)");
        }
        if (hasContent(body)) {
            throw ProblemException.badField("segmentId", "give either contact ids in the body or segmentId, not both");
        }
        return new SegmentIds(id, auth, maxContacts);
    }

    private static boolean hasContent(InputStream body) {
        if (body == null) {
            return false;
        }
        try (InputStream in = body) {
            int b;
            while ((b = in.read()) >= 0) {
                if (!Character.isWhitespace(b)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A segment's members as lines, numbered from 1 in the order contacts-service pages them (contact id order). */
    private final class SegmentIds implements AudienceIds {
        private final UUID segmentId;
        private final String auth;
        private final long max;
        private UUID after;
        private Integer version;
        private long lines;
        private boolean done;

        SegmentIds(UUID segmentId, String auth, long max) {
            this.segmentId = segmentId;
            this.auth = auth;
            this.max = max;
        }

        @Override
        public Uni<List<NdjsonIds.Line>> next(int size) {
            if (done) {
                return Uni.createFrom().item(List.of());
            }
            return segments.memberIds(auth, segmentId, after, version, size)
                    .onFailure(WebApplicationException.class).transform(this::problem)
                    .map(page -> {
                        List<NdjsonIds.Line> out = new ArrayList<>(page.ids().size());
                        for (UUID id : page.ids()) {
                            if (lines == max) {
                                out.add(new NdjsonIds.Line(++lines, null, null,
                                        "the segment has more than " + max + " contacts; the rest was not processed"));
                                done = true;
                                return out;
                            }
                            out.add(new NdjsonIds.Line(++lines, id, null, null));
                        }
                        after = page.next();
                        version = page.version();
                        done = page.next() == null;
                        return out;
                    });
        }

        @Override
        public void close() {
            done = true;
        }

        private Throwable problem(Throwable e) {
            int status = ((WebApplicationException) e).getResponse().getStatus();
            return switch (status) {
                case 404 -> ProblemException.ruleOnField("unknown-segment", "segmentId", "names no segment (" + segmentId + ")");
                case 409 -> ProblemException.conflict("segment-changed", "Segment " + segmentId
                        + " changed while its members were being read; ask again");
                case 401, 403 -> ProblemException.forbidden("Your role may not read segment " + segmentId);
                default -> {
                    LOG.warnf("contacts-service answered %d for segment %s", status, segmentId);
                    yield ProblemException.unavailable("contacts-unavailable", "contacts-service could not list segment " + segmentId, 5);
                }
            };
        }
    }
}

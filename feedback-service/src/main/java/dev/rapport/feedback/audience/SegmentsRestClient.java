package dev.rapport.feedback.audience;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * contacts-service's segment members (docs/contacts.md, "Segments"). Called with the caller's own token: a segment is
 * read with the rights of whoever takes it as an audience. Used only through {@link SegmentMembers}.
 */
@RegisterRestClient(configKey = "contacts")
interface SegmentsRestClient {

    @GET
    @Path("/segments/{id}/member-ids")
    Uni<SegmentPage> memberIds(@HeaderParam("Authorization") String auth, @PathParam("id") UUID segmentId,
            @QueryParam("after") UUID after, @QueryParam("version") Integer version, @QueryParam("limit") int limit);
}

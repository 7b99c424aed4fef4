package dev.rapport.feedback.renewal;

import dev.rapport.feedback.audience.SegmentMembers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Narrows a renewal offer to a contacts-service segment: the segment's members are read a page at a time (as for
 * consultation invitations, with the caller's token, every page pinned to the first page's version) and each page is
 * matched against the programme's members in one statement, so memory holds one page of the segment and the programme
 * members found in it, whatever the segment's size.
 */
@ApplicationScoped
public class SegmentOffers {
    @Inject
    SegmentMembers members;
    @Inject
    ProgrammeQueries queries;

    private static final class Found {
        final Set<UUID> contactIds = new HashSet<>();
        int version;
    }

    public Uni<OfferService.SegmentAudience> audience(UUID programmeId, UUID segmentId, String auth) {
        return members.fold(auth, segmentId, new Found(), step -> queries.membersAmong(programmeId, step.page().ids())
                        .map(ids -> {
                            Found found = step.state();
                            found.contactIds.addAll(ids);
                            found.version = step.page().version();
                            return found;
                        }))
                .map(found -> new OfferService.SegmentAudience(segmentId, found.version, found.contactIds));
    }
}

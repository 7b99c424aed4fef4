package dev.rapport.feedback.invitation;

import dev.rapport.feedback.audience.SegmentMembers;
import dev.rapport.feedback.audience.SegmentPage;
import dev.rapport.feedback.outreach.DispatchSummary;
import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Invites a contacts-service segment: its members are read a page at a time and each page is recorded in its own
 * transaction (invitations naming the segment and the version of its definition), so memory holds one page whatever
 * the segment's size. While the audience stays within rapport.outreach.inline-limit the messages are sent before
 * answering, as for a list; past it, each page's messages are sent in the background as soon as they are recorded.
 */
@ApplicationScoped
public class SegmentInvitations {
    @Inject
    InvitationService service;
    @Inject
    SegmentMembers members;
    @Inject
    Outreach outreach;
    @Inject
    OutreachConfig config;

    /** What the pages recorded so far, and the messages held back for an inline send. */
    static final class Totals {
        int requested;
        int invited;
        int alreadyInvited;
        Integer version;
        boolean background;
        List<UUID> held = new ArrayList<>();
    }

    /** The batch view and whether sending goes on in the background (then delivery is null). */
    public record Outcome(InvitationBatchView view, boolean background) {
    }

    public Uni<Outcome> invite(UUID consultationId, InviteRequest in, String auth, String actor) {
        return members.fold(auth, in.segmentId(), new Totals(), step -> {
            SegmentPage page = step.page();
            Totals t = step.state();
            List<AudienceMember> audience = page.ids().stream().map(id -> new AudienceMember(id, null)).toList();
            return service.record(consultationId, in, audience, new InvitationService.Source(page.segmentId(), page.version()), actor)
                    .map(r -> {
                        t.requested += r.requested();
                        t.invited += r.invited();
                        t.alreadyInvited += r.alreadyInvited();
                        t.version = page.version();
                        if (!t.background && t.held.size() + r.messageIds().size() > config.inlineLimit()) {
                            t.background = true;
                            outreach.sendLater(t.held);
                            t.held = new ArrayList<>();
                        }
                        if (t.background) {
                            outreach.sendLater(r.messageIds());
                        } else {
                            t.held.addAll(r.messageIds());
                        }
                        return t;
                    });
        }).chain(t -> {
            if (t.background) {
                return Uni.createFrom().item(new Outcome(view(consultationId, in.segmentId(), t, null), true));
            }
            return outreach.send(t.held).map(d -> new Outcome(view(consultationId, in.segmentId(), t, d), false));
        });
    }

    private static InvitationBatchView view(UUID consultationId, UUID segmentId, Totals t, DispatchSummary delivery) {
        return new InvitationBatchView(consultationId, t.requested, t.invited, t.alreadyInvited, delivery, segmentId, t.version);
    }
}

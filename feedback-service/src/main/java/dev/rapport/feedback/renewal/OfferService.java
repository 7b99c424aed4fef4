package dev.rapport.feedback.renewal;

import dev.rapport.feedback.outreach.DispatchSummary;
import dev.rapport.feedback.outreach.MessageKind;
import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachMessage;
import dev.rapport.feedback.outreach.OutreachQueries;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class OfferService {
    /** Undecided members whose latest score for the period is in the chosen tiers. */
    private static final String AUDIENCE = """
            select m.contact_id from programme_members m
             where m.programme_id = :programme
               and (select s.score from propensity_scores s where s.member_id = m.id and s.period = :period
                     order by s.scored_at desc, s.id desc limit 1) in (:tiers)
               and not exists (select 1 from renewal_outcomes o where o.member_id = m.id and o.period = :period)
             order by m.contact_id
            """;

    @Inject
    ProgrammeRepository programmes;
    @Inject
    RenewalOfferRepository offers;
    @Inject
    Outreach outreach;
    @Inject
    OutreachQueries ledger;

    public record Recorded(RenewalOffer offer, List<UUID> messageIds) {
    }

    /** The programme's members who are members of a segment, as read at {@code version} of its definition. */
    public record SegmentAudience(UUID segmentId, int version, Set<UUID> contactIds) {
    }

    /**
     * Records the offer and one PENDING outreach message (purpose renewal-offers) per member of the audience: the
     * undecided members of the tiers, only those in {@code segment} when it is given.
     */
    @WithTransaction
    public Uni<Recorded> record(UUID programmeId, NewOffer in, SegmentAudience segment, String actor) {
        return programmes.findById(programmeId).onItem().ifNull().failWith(() -> ProblemException.notFound("Programme", programmeId))
                .chain(p -> Panache.getSession().chain(s -> s.createNativeQuery(AUDIENCE, UUID.class)
                        .setParameter("programme", p.id).setParameter("period", in.period())
                        .setParameter("tiers", in.tiers().stream().sorted().map(Integer::shortValue).toList())
                        .getResultList())
                        .map(all -> segment == null ? all : all.stream().filter(segment.contactIds()::contains).toList())
                        .chain(audience -> {
                            RenewalOffer o = new RenewalOffer();
                            o.id = Ids.newId();
                            o.programmeId = p.id;
                            o.period = in.period();
                            o.tiers = in.tiers().stream().sorted().map(Integer::shortValue).toArray(Short[]::new);
                            o.channel = in.channel();
                            o.campaign = in.campaign() == null || in.campaign().isBlank()
                                    ? "renewal-offer:" + p.id + ":" + in.period() : in.campaign().strip();
                            o.audience = audience.size();
                            o.segmentId = segment == null ? null : segment.segmentId();
                            o.segmentVersion = segment == null ? null : segment.version();
                            o.createdBy = actor;
                            o.createdAt = Instant.now();
                            List<OutreachMessage> messages = new ArrayList<>();
                            for (UUID contact : audience) {
                                messages.add(outreach.prepare(MessageKind.RENEWAL_OFFER, o.id, contact, o.channel, o.campaign,
                                        "feedback:renewal-offer:" + o.id));
                            }
                            return offers.persist(o).chain(() -> outreach.record(messages))
                                    .map(x -> new Recorded(o, messages.stream().map(m -> m.id).toList()));
                        }));
    }

    /** What a message about an offer shows: its programme's name and the period (no audience, no delivery figures). */
    @WithSession
    public Uni<OfferSummary> summary(UUID offerId) {
        return offers.findById(offerId).onItem().ifNull().failWith(() -> ProblemException.notFound("Offer", offerId))
                .chain(o -> programmes.findById(o.programmeId).map(p -> new OfferSummary(o.id, o.programmeId, p.name, o.period)));
    }

    /** Whether the offer's message to this person was queued for delivery (a decision that denied it sent nothing). */
    public Uni<Boolean> sentTo(UUID offerId, UUID contactId) {
        return ledger.queuedTo(MessageKind.RENEWAL_OFFER, offerId, contactId);
    }

    @WithSession
    public Uni<RenewalOffer> require(UUID programmeId, UUID offerId) {
        return offers.findById(offerId).onItem().ifNull().failWith(() -> ProblemException.notFound("Offer", offerId))
                .invoke(o -> {
                    if (!o.programmeId.equals(programmeId)) {
                        throw ProblemException.notFound("Offer", offerId);
                    }
                });
    }

    /** Where the offer's messages stand now (consent decisions can arrive later for large audiences). */
    public Uni<DispatchSummary> delivery(UUID offerId) {
        return ledger.delivery(MessageKind.RENEWAL_OFFER, offerId);
    }

    public static OfferView view(RenewalOffer o, DispatchSummary delivery) {
        return new OfferView(o.id, o.programmeId, o.period, Arrays.stream(o.tiers).map(Short::intValue).toList(), o.channel,
                o.campaign, o.audience, o.segmentId, o.segmentVersion, o.createdAt, delivery);
    }
}

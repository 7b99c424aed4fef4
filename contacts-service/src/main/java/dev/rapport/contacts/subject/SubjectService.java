package dev.rapport.contacts.subject;

import dev.rapport.contacts.contact.ContactService;
import dev.rapport.contacts.followup.FollowUpService;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.webhook.ContactEvents;
import dev.rapport.contacts.signal.SignalQueries;
import dev.rapport.contacts.value.ValueQueries;
import dev.rapport.platform.json.StoredJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Data-subject rights: export everything held about a person; erase them, keeping only what identifies nobody. */
@ApplicationScoped
public class SubjectService {
    static final String ERASED_NAME = "Erased contact";

    @Inject
    SubjectQueries queries;
    @Inject
    ContactService contacts;
    @Inject
    ValueQueries values;
    @Inject
    FollowUpService followUps;
    @Inject
    SignalQueries signals;
    @Inject
    Outbox outbox;
    @Inject
    StoredJson stored;

    public Uni<SubjectExport> export(UUID id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return contacts.get(id).chain(contact -> {
            UUID cid = contact.id();
            return queries.mergedInto(cid).chain(m -> queries.timeline(cid).chain(t -> values.valuesOf(List.of(cid))
                    .chain(v -> values.leadScore(cid).chain(score -> followUps.listFor(List.of(cid), true)
                            .chain(f -> signals.dueFor(List.of(cid)).chain(s -> queries.acknowledgements(cid)
                                    .chain(a -> queries.erasedAt(cid).map(erased -> new SubjectExport(cid, now, erased, contact,
                                            m, t, v.get(0), score, f.get(0).items(), s.get(0).items(), a)))))))));
        });
    }

    /**
     * Erases the contact this id names today and every contact merged into it, in one transaction. Personal fields are
     * removed: names, tags, organisation link; contact points are deleted (with an outbox REMOVED event each, carrying
     * ids only, and the person's earlier outbox events, which carried addresses, deleted); interactions keep type,
     * time, source and amount but lose subject, details and external id; follow-ups and signal acknowledgements are
     * deleted; stored idempotent answers that mention the person are dropped. What stays identifies nobody: the
     * anonymous contact row (so ids keep resolving), interaction counts and value. Erasing again answers the first report.
     */
    public Uni<ErasureReport> erase(UUID id, String actor) {
        return contacts.resolveId(id).chain(survivor -> queries.inTransaction(conn -> queries.lockGroup(conn, survivor)
                .chain(group -> {
                    List<UUID> ids = group.stream().map(SubjectQueries.Member::id).toList();
                    List<UUID> mergedAway = ids.stream().filter(i -> !i.equals(survivor)).toList();
                    boolean erased = group.stream().anyMatch(g -> g.id().equals(survivor) && g.erased());
                    return erased
                            ? queries.report(conn, survivor).map(json -> stored.read(json, ErasureReport.class))
                            : eraseNow(conn, survivor, ids, mergedAway, actor);
                })));
    }

    private Uni<ErasureReport> eraseNow(SqlConnection conn, UUID survivor, List<UUID> ids, List<UUID> mergedAway,
            String actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        UUID[] all = ids.toArray(UUID[]::new);
        return queries.deletePoints(conn, all)
                .call(() -> outbox.forgetAddresses(conn, all)) // before the REMOVED events below, which carry none
                .call(removed -> outbox.append(conn, removed))
                .chain(removed -> queries.anonymiseInteractions(conn, all)
                        .chain(interactions -> queries.deleteFollowUps(conn, all)
                                .chain(followUps -> queries.deleteAcknowledgements(conn, all)
                                        .map(acks -> new ErasureReport(survivor, now.toInstant(), actor, mergedAway,
                                                removed.size(), interactions, followUps, acks)))))
                .call(() -> queries.blankContacts(conn, all, ERASED_NAME, now))
                .call(() -> queries.forgetAnswersMentioning(conn, ids))
                .call(() -> outbox.event(conn, ContactEvents.ERASED, survivor, new ContactEvents.Erased(survivor, mergedAway)))
                .call(report -> queries.recordErasure(conn, survivor, now, actor, stored.write(report)));
    }
}

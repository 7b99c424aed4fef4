package dev.rapport.contacts.subject;

import dev.rapport.contacts.contact.ContactService;
import dev.rapport.contacts.followup.FollowUpService;
import dev.rapport.contacts.interaction.InteractionService;
import dev.rapport.contacts.interaction.InteractionView;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.webhook.ContactEvents;
import dev.rapport.contacts.signal.SignalService;
import dev.rapport.contacts.value.ValueService;
import dev.rapport.platform.json.StoredJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Data-subject rights: export everything held about a person; erase them, keeping only what identifies nobody. */
@ApplicationScoped
public class SubjectService {
    static final String ERASED_NAME = "Erased contact";

    @Inject
    Pool pool;
    @Inject
    ContactService contacts;
    @Inject
    InteractionService interactions;
    @Inject
    ValueService values;
    @Inject
    FollowUpService followUps;
    @Inject
    SignalService signals;
    @Inject
    Outbox outbox;
    @Inject
    StoredJson stored;

    public Uni<SubjectExport> export(UUID id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return contacts.get(id).chain(contact -> {
            UUID cid = contact.id();
            Tuple one = Tuple.of(cid);
            Uni<List<UUID>> merged = pool.preparedQuery("select id from contacts where merged_into = $1 order by id")
                    .execute(one).map(rows -> {
                        List<UUID> out = new ArrayList<>();
                        rows.forEach(r -> out.add(r.getUUID("id")));
                        return out;
                    });
            Uni<List<InteractionView>> timeline = pool.preparedQuery(
                    "select * from interactions where contact_id = $1 order by occurred_at desc, id desc").execute(one)
                    .map(rows -> {
                        List<InteractionView> out = new ArrayList<>();
                        rows.forEach(r -> out.add(InteractionService.view(r)));
                        return out;
                    });
            Uni<List<SubjectExport.Acknowledgement>> acks = pool.preparedQuery(
                    "select kind, acknowledged_at, acknowledged_by from signal_acknowledgements where contact_id = $1 order by kind")
                    .execute(one).map(rows -> {
                        List<SubjectExport.Acknowledgement> out = new ArrayList<>();
                        rows.forEach(r -> out.add(new SubjectExport.Acknowledgement(r.getString("kind"),
                                r.getOffsetDateTime("acknowledged_at").toInstant(), r.getString("acknowledged_by"))));
                        return out;
                    });
            Uni<Instant> erasedAt = pool.preparedQuery("select erased_at from contacts where id = $1").execute(one)
                    .map(rows -> instant(rows.iterator().next(), "erased_at"));
            return merged.chain(m -> timeline.chain(t -> values.valuesOf(List.of(cid)).chain(v -> values.leadScore(cid)
                    .chain(score -> followUps.listFor(List.of(cid), true).chain(f -> signals.dueFor(List.of(cid))
                            .chain(s -> acks.chain(a -> erasedAt.map(erased -> new SubjectExport(cid, now, erased, contact,
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
        return contacts.resolveId(id).chain(survivor -> pool.withTransaction(conn -> conn.preparedQuery(
                        "select id, erased_at from contacts where id = $1 or merged_into = $1 order by id for update")
                .execute(Tuple.of(survivor)).chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<UUID> mergedAway = new ArrayList<>();
                    boolean erased = false;
                    for (Row r : rows) {
                        ids.add(r.getUUID("id"));
                        if (r.getUUID("id").equals(survivor)) {
                            erased = r.getOffsetDateTime("erased_at") != null;
                        } else {
                            mergedAway.add(r.getUUID("id"));
                        }
                    }
                    return erased ? earlier(conn, survivor) : eraseNow(conn, survivor, ids, mergedAway, actor);
                })));
    }

    private Uni<ErasureReport> earlier(SqlConnection conn, UUID survivor) {
        return conn.preparedQuery("select report from contact_erasures where contact_id = $1").execute(Tuple.of(survivor))
                .map(rows -> stored.read(rows.iterator().next().getString("report"), ErasureReport.class));
    }

    private Uni<ErasureReport> eraseNow(SqlConnection conn, UUID survivor, List<UUID> ids, List<UUID> mergedAway,
            String actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Tuple all = Tuple.of(ids.toArray(UUID[]::new));
        String[] mentions = ids.stream().map(i -> "%" + i + "%").toArray(String[]::new);
        return conn.preparedQuery("delete from contact_points where contact_id = any($1) returning id, contact_id").execute(all)
                .chain(points -> {
                    List<ContactPointChange> removed = new ArrayList<>();
                    points.forEach(p -> removed.add(ContactPointChange.erased(p.getUUID("contact_id"), p.getUUID("id"))));
                    return conn.preparedQuery("delete from outbox where contact_id = any($1) and event_type = $2 "
                            + "and payload not like '%\"MERGED\"%'")
                            .execute(Tuple.of(all.getValue(0), Outbox.CONTACT_POINT_CHANGED)).chain(() -> outbox.append(conn, removed))
                            .replaceWith(removed.size());
                })
                .chain(pointCount -> conn.preparedQuery("""
                        update interactions set subject = null, details = null, external_id = 'erased:' || id::text
                        where contact_id = any($1)""").execute(all)
                        .chain(interactionRows -> conn.preparedQuery("delete from follow_ups where contact_id = any($1)").execute(all)
                                .chain(followUpRows -> conn.preparedQuery(
                                                "delete from signal_acknowledgements where contact_id = any($1)").execute(all)
                                        .map(ackRows -> new ErasureReport(survivor, now.toInstant(), actor, mergedAway,
                                                pointCount, interactionRows.rowCount(), followUpRows.rowCount(),
                                                ackRows.rowCount())))))
                .call(() -> conn.preparedQuery("""
                        update contacts set given_name = null, family_name = null, display_name = $2, organisation_id = null, language = null,
                               external_id = null, tags = '{}', erased_at = $3, updated_at = $3, version = version + 1
                        where id = any($1)""").execute(Tuple.of(ids.toArray(UUID[]::new), ERASED_NAME, now)))
                .call(() -> conn.preparedQuery("delete from idempotency_keys where response like any($1)")
                        .execute(Tuple.of(mentions)))
                .call(() -> outbox.event(conn, ContactEvents.ERASED, survivor, new ContactEvents.Erased(survivor, mergedAway)))
                .call(report -> conn.preparedQuery(
                        "insert into contact_erasures (contact_id, erased_at, erased_by, report) values ($1, $2, $3, $4)")
                        .execute(Tuple.of(survivor, now, actor, stored.write(report))));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}

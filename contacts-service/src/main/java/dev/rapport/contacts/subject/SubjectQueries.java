package dev.rapport.contacts.subject;

import dev.rapport.contacts.interaction.InteractionQueries;
import dev.rapport.contacts.interaction.InteractionView;
import dev.rapport.contacts.outbox.ContactPointChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SQL of data-subject rights: what an export reads beside the other services' reads, and every erasure step.
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: an erasure is one transaction of set-based statements
 * over a whole merge group (delete points returning their ids, anonymise interactions, blank contacts, delete
 * follow-ups, acknowledgements and stored answers) beside the timeline, which is an SQL-client table
 * ({@link dev.rapport.contacts.interaction.InteractionQueries}). No benchmark figure: the reason is the statements.
 */
@ApplicationScoped
public class SubjectQueries {
    @Inject
    Pool pool;

    /** A contact of an erasure group, locked, and whether it was erased before. */
    record Member(UUID id, boolean erased) {
    }

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    Uni<List<UUID>> mergedInto(UUID contactId) {
        return pool.preparedQuery("select id from contacts where merged_into = $1 order by id").execute(Tuple.of(contactId))
                .map(rows -> {
                    List<UUID> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getUUID("id")));
                    return out;
                });
    }

    Uni<List<InteractionView>> timeline(UUID contactId) {
        return pool.preparedQuery("select * from interactions where contact_id = $1 order by occurred_at desc, id desc")
                .execute(Tuple.of(contactId)).map(rows -> {
                    List<InteractionView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(InteractionQueries.view(r)));
                    return out;
                });
    }

    Uni<List<SubjectExport.Acknowledgement>> acknowledgements(UUID contactId) {
        return pool.preparedQuery(
                        "select kind, acknowledged_at, acknowledged_by from signal_acknowledgements where contact_id = $1 order by kind")
                .execute(Tuple.of(contactId)).map(rows -> {
                    List<SubjectExport.Acknowledgement> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new SubjectExport.Acknowledgement(r.getString("kind"),
                            r.getOffsetDateTime("acknowledged_at").toInstant(), r.getString("acknowledged_by"))));
                    return out;
                });
    }

    Uni<Instant> erasedAt(UUID contactId) {
        return pool.preparedQuery("select erased_at from contacts where id = $1").execute(Tuple.of(contactId))
                .map(rows -> {
                    OffsetDateTime t = rows.iterator().next().getOffsetDateTime("erased_at");
                    return t == null ? null : t.toInstant();
                });
    }

    /** Locks the contact and every contact merged into it, in id order. */
    Uni<List<Member>> lockGroup(SqlConnection conn, UUID survivor) {
        return conn.preparedQuery("select id, erased_at from contacts where id = $1 or merged_into = $1 order by id for update")
                .execute(Tuple.of(survivor)).map(rows -> {
                    List<Member> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Member(r.getUUID("id"), r.getOffsetDateTime("erased_at") != null));
                    }
                    return out;
                });
    }

    /** The stored report of an earlier erasure (JSON). */
    Uni<String> report(SqlConnection conn, UUID survivor) {
        return conn.preparedQuery("select report from contact_erasures where contact_id = $1").execute(Tuple.of(survivor))
                .map(rows -> rows.iterator().next().getString("report"));
    }

    /** Deletes the contacts' points; answers a REMOVED change, ids only, per point deleted. */
    Uni<List<ContactPointChange>> deletePoints(SqlConnection conn, UUID[] ids) {
        return conn.preparedQuery("delete from contact_points where contact_id = any($1) returning id, contact_id")
                .execute(Tuple.of(ids)).map(points -> {
                    List<ContactPointChange> removed = new ArrayList<>();
                    points.forEach(p -> removed.add(ContactPointChange.erased(p.getUUID("contact_id"), p.getUUID("id"))));
                    return removed;
                });
    }

    /** Interactions keep type, time, source and amount; subject, details and the partner's external id go. */
    Uni<Integer> anonymiseInteractions(SqlConnection conn, UUID[] ids) {
        return conn.preparedQuery("""
                        update interactions set subject = null, details = null, external_id = 'erased:' || id::text
                        where contact_id = any($1)""").execute(Tuple.of(ids)).map(r -> r.rowCount());
    }

    Uni<Integer> deleteFollowUps(SqlConnection conn, UUID[] ids) {
        return conn.preparedQuery("delete from follow_ups where contact_id = any($1)").execute(Tuple.of(ids)).map(r -> r.rowCount());
    }

    Uni<Integer> deleteAcknowledgements(SqlConnection conn, UUID[] ids) {
        return conn.preparedQuery("delete from signal_acknowledgements where contact_id = any($1)").execute(Tuple.of(ids))
                .map(r -> r.rowCount());
    }

    Uni<Void> blankContacts(SqlConnection conn, UUID[] ids, String name, OffsetDateTime now) {
        return conn.preparedQuery("""
                        update contacts set given_name = null, family_name = null, display_name = $2, organisation_id = null, language = null,
                               external_id = null, tags = '{}', erased_at = $3, updated_at = $3, version = version + 1
                        where id = any($1)""").execute(Tuple.of(ids, name, now)).replaceWithVoid();
    }

    /** Drops stored idempotent answers that mention any of these ids. */
    Uni<Void> forgetAnswersMentioning(SqlConnection conn, List<UUID> ids) {
        String[] mentions = ids.stream().map(i -> "%" + i + "%").toArray(String[]::new);
        return conn.preparedQuery("delete from idempotency_keys where response like any($1)").execute(Tuple.of(mentions))
                .replaceWithVoid();
    }

    Uni<Void> recordErasure(SqlConnection conn, UUID survivor, OffsetDateTime now, String actor, String report) {
        return conn.preparedQuery("insert into contact_erasures (contact_id, erased_at, erased_by, report) values ($1, $2, $3, $4)")
                .execute(Tuple.of(survivor, now, actor, report)).replaceWithVoid();
    }
}

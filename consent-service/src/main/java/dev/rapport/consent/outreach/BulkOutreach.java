package dev.rapport.consent.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.NdjsonIds;
import dev.rapport.consent.decision.Decision;
import dev.rapport.consent.decision.DecisionEngine;
import dev.rapport.consent.decision.DecisionLoader;
import dev.rapport.consent.decision.DecisionService;
import dev.rapport.consent.webhook.OutreachEvents;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Bulk outreach: one transaction per chunk of the audience. The chunk's contacts are locked in a fixed order (no
 * deadlock with single requests, which lock one), decided on that connection, and stored with one insert. A contact
 * that already has a live request for the same campaign and payload is answered DUPLICATE with that request's id,
 * so a retried bulk call sends nothing twice.
 */
@ApplicationScoped
public class BulkOutreach {
    @Inject
    Pool pool;
    @Inject
    OutreachEvents events;
    @Inject
    DecisionLoader loader;
    @Inject
    DecisionService decisions;
    @Inject
    ObjectMapper json;

    public record Settings(String purpose, Channel channel, String campaign, String payloadRef, String actor) {
    }

    public Uni<Buffer> chunk(List<NdjsonIds.Line> lines, Settings s) {
        Map<UUID, Long> firstLine = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (NdjsonIds.Line l : lines) {
            if (l.contactId() != null && firstLine.putIfAbsent(l.contactId(), l.number()) == null) {
                ids.add(l.contactId());
            }
        }
        Uni<Map<UUID, BulkOutreachLine>> results = ids.isEmpty() ? Uni.createFrom().item(Map.of())
                : pool.withTransaction(conn -> decideAndStore(conn, ids, s));
        return results.map(byContact -> {
            StringBuilder out = new StringBuilder(lines.size() * 300);
            for (NdjsonIds.Line l : lines) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                BulkOutreachLine line;
                if (l.contactId() == null) {
                    line = new BulkOutreachLine(null, null, null, null, l.number(), l.error());
                } else if (firstLine.get(l.contactId()).longValue() != l.number()) {
                    line = new BulkOutreachLine(l.contactId(), null, null, null, l.number(),
                            "repeats line " + firstLine.get(l.contactId()));
                } else {
                    line = byContact.get(l.contactId());
                }
                out.append(write(line));
            }
            return Buffer.buffer(out.toString());
        });
    }

    private Uni<Map<UUID, BulkOutreachLine>> decideAndStore(SqlConnection conn, List<UUID> ids, Settings s) {
        UUID[] array = ids.toArray(UUID[]::new);
        return conn.preparedQuery("select coalesce(m.survivor_id, r.id) as root from unnest($1::uuid[]) as r(id) "
                        + "left join contact_merges m on m.merged_contact_id = r.id").execute(Tuple.of((Object) array))
                .chain(rows -> {
                    TreeSet<String> keys = new TreeSet<>();
                    rows.forEach(r -> keys.add("outreach:" + r.getUUID("root")));
                    return conn.preparedQuery("select pg_advisory_xact_lock(hashtext(k)) from unnest($1::text[]) as t(k) order by k")
                            .execute(Tuple.of((Object) keys.toArray(String[]::new)));
                })
                .chain(() -> existing(conn, array, s))
                .chain(dupes -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return loader.load(conn, ids, s.purpose(), now, false, decisions.defaults().windowDays()).chain(loaded -> {
                        Map<UUID, BulkOutreachLine> out = new HashMap<>();
                        List<Object[]> inserts = new ArrayList<>();
                        for (int i = 0; i < ids.size(); i++) {
                            UUID requested = ids.get(i);
                            UUID root = loaded.facts().get(i).contactId();
                            UUID dupe = dupes.get(requested) != null ? dupes.get(requested) : dupes.get(root);
                            if (dupe != null) {
                                out.put(requested, new BulkOutreachLine(requested, dupe, "DUPLICATE", null, null, null));
                                continue;
                            }
                            Decision d = DecisionEngine.decide(loaded.facts().get(i), loaded.purpose(), s.channel(), null, now,
                                    decisions.defaults(), loaded.rules());
                            UUID id = Ids.newId();
                            OutreachStatus status = OutreachService.statusOf(d);
                            inserts.add(new Object[] {id, root, status.name(), d.channel() == null ? null : d.channel().name(),
                                    d.contactPointId(), d.evidenceEventId(), write(d), OutreachService.utc(d.notBefore())});
                            out.put(requested, new BulkOutreachLine(requested, id, status.name(), d, null, null));
                        }
                        return insert(conn, inserts, s, now).replaceWith(out);
                    });
                });
    }

    private Uni<Map<UUID, UUID>> existing(SqlConnection conn, UUID[] ids, Settings s) {
        if (s.campaign() == null) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("select contact_id, id from outreach where contact_id = any($1) and campaign = $2 "
                        + "and payload_ref is not distinct from $3 and status <> 'DENIED'")
                .execute(Tuple.of(ids, s.campaign(), s.payloadRef()))
                .map(rows -> {
                    Map<UUID, UUID> found = new HashMap<>();
                    for (Row r : rows) {
                        found.put(r.getUUID("contact_id"), r.getUUID("id"));
                    }
                    return found;
                });
    }

    private Uni<Void> insert(SqlConnection conn, List<Object[]> rows, Settings s, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        UUID[] id = new UUID[n];
        UUID[] contact = new UUID[n];
        String[] status = new String[n];
        String[] channel = new String[n];
        UUID[] point = new UUID[n];
        UUID[] evidence = new UUID[n];
        String[] decision = new String[n];
        java.time.OffsetDateTime[] notBefore = new java.time.OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            id[i] = (UUID) r[0];
            contact[i] = (UUID) r[1];
            status[i] = (String) r[2];
            channel[i] = (String) r[3];
            point[i] = (UUID) r[4];
            evidence[i] = (UUID) r[5];
            decision[i] = (String) r[6];
            notBefore[i] = (java.time.OffsetDateTime) r[7];
        }
        return conn.preparedQuery("""
                        insert into outreach (id, contact_id, purpose, requested_channel, campaign, payload_ref, status, channel,
                                              contact_point_id, evidence_event_id, decision, requested_by, created_at, not_before,
                                              traceparent)
                        select t.id, t.contact_id, $8, $9, $10, $11, t.status, t.channel, t.point, t.evidence, t.decision, $12, $13,
                               t.not_before, $15
                        from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[],
                                    $14::timestamptz[])
                             as t(id, contact_id, status, channel, point, evidence, decision, not_before)
                        """)
                .execute(Tuple.from(java.util.Arrays.asList(id, contact, status, channel, point, evidence, decision, s.purpose(),
                        s.channel() == null ? null : s.channel().name(), s.campaign(), s.payloadRef(), s.actor(),
                        now.atOffset(ZoneOffset.UTC), notBefore, TraceContext.current())))
                .chain(() -> events.decided(conn, id));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

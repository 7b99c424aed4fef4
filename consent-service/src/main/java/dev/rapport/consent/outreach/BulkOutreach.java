package dev.rapport.consent.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.NdjsonIds;
import dev.rapport.consent.decision.Decision;
import dev.rapport.consent.decision.DecisionEngine;
import dev.rapport.consent.decision.DecisionQueries;
import dev.rapport.consent.decision.DecisionService;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    BulkOutreachQueries queries;
    @Inject
    DecisionQueries decisionQueries;
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
                : queries.inTransaction(conn -> decideAndStore(conn, ids, s));
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
        return queries.lockContacts(conn, array)
                .chain(() -> s.campaign() == null ? Uni.createFrom().item(Map.<UUID, UUID>of())
                        : queries.live(conn, array, s.campaign(), s.payloadRef()))
                .chain(dupes -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return decisionQueries.load(conn, ids, s.purpose(), now, false, decisions.defaults().windowDays()).chain(loaded -> {
                        Map<UUID, BulkOutreachLine> out = new HashMap<>();
                        List<BulkOutreachQueries.NewRequest> inserts = new ArrayList<>();
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
                            inserts.add(new BulkOutreachQueries.NewRequest(id, root, status.name(),
                                    d.channel() == null ? null : d.channel().name(), d.contactPointId(), d.evidenceEventId(),
                                    write(d), OutreachService.utc(d.notBefore())));
                            out.put(requested, new BulkOutreachLine(requested, id, status.name(), d, null, null));
                        }
                        return queries.insert(conn, inserts, s, now, TraceContext.current()).replaceWith(out);
                    });
                });
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

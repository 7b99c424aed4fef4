package dev.rapport.consent.outreach;

import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records the outcomes of pulled messages, many in one transaction and at most three statements whatever their number:
 * lock the rows (in id order, so two consumers acknowledging overlapping sets cannot deadlock), record the outcomes,
 * and mark the contact points of bounced messages undeliverable. Each line is judged on its own: a lease that is no
 * longer current, or an unknown message, does not stop the others.
 */
@ApplicationScoped
public class AcknowledgementService {
    @Inject
    Pool pool;

    public Uni<List<Acknowledgements.Result>> record(List<Acknowledgements.Line> lines) {
        Set<UUID> seen = new HashSet<>();
        for (Acknowledgements.Line line : lines) {
            if (!seen.add(line.id())) {
                throw ProblemException.badField("acks", "names outreach " + line.id() + " more than once");
            }
        }
        UUID[] ids = lines.stream().map(Acknowledgements.Line::id).toArray(UUID[]::new);
        return pool.withTransaction(conn -> conn.preparedQuery(
                        "select id, status, lease_id from outreach where id = any($1) order by id for update")
                .execute(Tuple.of((Object) ids))
                .chain(rows -> {
                    Map<UUID, Row> current = new HashMap<>();
                    rows.forEach(r -> current.put(r.getUUID("id"), r));
                    List<Acknowledgements.Result> results = new ArrayList<>();
                    List<Acknowledgements.Line> recordable = new ArrayList<>();
                    for (Acknowledgements.Line line : lines) {
                        Acknowledgements.Status status = judge(line, current.get(line.id()));
                        if (status == Acknowledgements.Status.RECORDED) {
                            recordable.add(line);
                        }
                        results.add(new Acknowledgements.Result(line.id(), status));
                    }
                    return write(conn, recordable).replaceWith(results);
                }));
    }

    private static Acknowledgements.Status judge(Acknowledgements.Line line, Row row) {
        if (row == null) {
            return Acknowledgements.Status.NOT_FOUND;
        }
        String status = row.getString("status");
        boolean sameLease = line.leaseId().equals(row.getUUID("lease_id"));
        if (sameLease && status.equals(line.outcome().name())) {
            return Acknowledgements.Status.ALREADY_RECORDED;
        }
        if (!sameLease || !status.equals(OutreachStatus.LEASED.name())) {
            return Acknowledgements.Status.LEASE_LOST;
        }
        return Acknowledgements.Status.RECORDED;
    }

    private static Uni<Void> write(SqlConnection conn, List<Acknowledgements.Line> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = lines.stream().map(Acknowledgements.Line::id).toArray(UUID[]::new);
        String[] outcomes = lines.stream().map(l -> l.outcome().name()).toArray(String[]::new);
        String[] details = lines.stream().map(Acknowledgements.Line::detail).toArray(String[]::new);
        UUID[] bounced = lines.stream().filter(l -> l.outcome() == Acknowledgement.Outcome.BOUNCED)
                .map(Acknowledgements.Line::id).toArray(UUID[]::new);
        Uni<Void> recorded = conn.preparedQuery("""
                        update outreach o set status = a.outcome, acknowledged_at = now(), outcome_detail = a.detail,
                               lease_until = null
                        from unnest($1::uuid[], $2::text[], $3::text[]) as a(id, outcome, detail) where o.id = a.id
                        """).execute(Tuple.of(ids, outcomes, details)).replaceWithVoid();
        // until contacts-service reports a change to the point (FactsService clears the mark), decisions pass it over
        return bounced.length == 0 ? recorded : recorded.chain(() -> conn.preparedQuery("""
                        update contact_point_facts f set undeliverable_at = now(), changed_at = now() from outreach o
                        where o.id = any($1) and f.contact_point_id = o.contact_point_id and f.undeliverable_at is null
                        """).execute(Tuple.of((Object) bounced)).replaceWithVoid());
    }
}

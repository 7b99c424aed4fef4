package dev.rapport.consent.outreach;

import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    QueueQueries queries;

    public Uni<List<Acknowledgements.Result>> record(List<Acknowledgements.Line> lines) {
        Set<UUID> seen = new HashSet<>();
        for (Acknowledgements.Line line : lines) {
            if (!seen.add(line.id())) {
                throw ProblemException.badField("acks", "names outreach " + line.id() + " more than once");
            }
        }
        UUID[] ids = lines.stream().map(Acknowledgements.Line::id).toArray(UUID[]::new);
        return queries.inTransaction(conn -> queries.lockForOutcomes(conn, ids).chain(current -> {
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

    private static Acknowledgements.Status judge(Acknowledgements.Line line, QueueQueries.Lease lease) {
        if (lease == null) {
            return Acknowledgements.Status.NOT_FOUND;
        }
        String status = lease.status();
        boolean sameLease = line.leaseId().equals(lease.leaseId());
        if (sameLease && status.equals(line.outcome().name())) {
            return Acknowledgements.Status.ALREADY_RECORDED;
        }
        if (!sameLease || !status.equals(OutreachStatus.LEASED.name())) {
            return Acknowledgements.Status.LEASE_LOST;
        }
        return Acknowledgements.Status.RECORDED;
    }

    private Uni<Void> write(SqlConnection conn, List<Acknowledgements.Line> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = lines.stream().map(Acknowledgements.Line::id).toArray(UUID[]::new);
        String[] outcomes = lines.stream().map(l -> l.outcome().name()).toArray(String[]::new);
        String[] details = lines.stream().map(Acknowledgements.Line::detail).toArray(String[]::new);
        UUID[] bounced = lines.stream().filter(l -> l.outcome() == Acknowledgement.Outcome.BOUNCED)
                .map(Acknowledgements.Line::id).toArray(UUID[]::new);
        return queries.recordOutcomes(conn, ids, outcomes, details, bounced);
    }
}

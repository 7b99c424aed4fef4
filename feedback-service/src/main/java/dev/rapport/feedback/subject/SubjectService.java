package dev.rapport.feedback.subject;

import dev.rapport.feedback.person.ByContactQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Data-subject rights: export everything held about a person; erase them, keeping only counts that identify nobody. */
@ApplicationScoped
public class SubjectService {
    private static final int ALL = Integer.MAX_VALUE - 1;

    @Inject
    SubjectQueries subjectQueries;
    @Inject
    ByContactQueries queries;

    /**
     * Everything held about the person. What was asked of them as an anonymous respondent (follow-ups, threads, their
     * messages) is in it only when they export themselves ({@code withAnonymous}): staff must not link it to them.
     */
    public Uni<SubjectExport> export(UUID contactId, boolean withAnonymous) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> one = List.of(contactId);
        return subjectQueries.raw(contactId, withAnonymous)
                .chain(raw -> queries.cases(one, null, null, ALL).chain(cases -> queries.invitations(one, null, ALL)
                .chain(invitations -> queries.responses(one, null, ALL).chain(responses -> queries.followUps(one, false, withAnonymous, null, ALL)
                        .chain(followUps -> queries.ratings(one, null, ALL).chain(ratings -> queries.renewalScores(one)
                                .map(scores -> new SubjectExport(contactId, now, ByContactQueries.instant(raw, "erased_at"),
                                        cases.get(0).items(), raw.getString("case_history"), invitations.get(0).items(),
                                        responses.get(0).items(), followUps.get(0).items(), raw.getString("threads"),
                                        ratings.get(0).items(), raw.getString("greetings"), raw.getString("memberships"),
                                        scores.get(0).items(), raw.getString("messages")))))))));
    }

    /**
     * Erases a person in one transaction. Free text goes (case problems and notes, rating and response comments, "why
     * not" answers, thread messages, greeting requests, segment references); every record is unlinked: an optional
     * contact id is cleared (ratings, greetings, named responses become anonymous), a required one is replaced by one
     * random id for the whole erasure, which nothing maps back to the person. Stars, buckets, case outcomes, loop
     * answers, renewal scores and outcomes stay, so totals do not change. Messages still waiting to be sent are
     * cancelled. Erasing again answers the first report.
     */
    public Uni<ErasureReport> erase(UUID contactId, String actor) {
        return subjectQueries.erase(contactId, actor);
    }
}

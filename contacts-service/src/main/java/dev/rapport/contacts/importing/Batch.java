package dev.rapport.contacts.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.contact.LifecycleStage;
import dev.rapport.contacts.contactpoint.ProvenanceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A run of consecutive records ready to be written in one transaction: the contacts, contact points, outbox events
 * and row outcomes in PostgreSQL's COPY text format, the errors of the rows that failed, and where in the file the
 * batch ends (so progress and data commit together, see {@link BatchWriter}).
 *
 * <p>A CREATE import of a file without external ids is rendered whole on a checker thread. Otherwise which contact a
 * row creates or fills depends on what earlier batches wrote, so the checked rows wait in {@link #pending} and the
 * writer plans and renders them ({@link UpsertPlan}) inside the batch's transaction.
 */
final class Batch {
    static final String CONTACT_COLUMNS = "id, given_name, family_name, display_name, organisation_id, owner, lifecycle_stage, "
            + "tags, language, external_id, created_at, updated_at";
    static final String POINT_COLUMNS =
            "id, contact_id, channel, address, context, provenance, provenance_source, captured_at, created_at";
    static final String OUTCOME_COLUMNS = "job_id, line, outcome, contact_id, changed";

    final StringBuilder contacts = new StringBuilder(1 << 16);
    final StringBuilder points = new StringBuilder(1 << 16);
    final StringBuilder outbox = new StringBuilder(1 << 16);
    final StringBuilder outcomes = new StringBuilder(1 << 15);
    final List<RowError> errors = new ArrayList<>();
    /** Checked rows the writer still has to plan (null when the batch was rendered whole), and who renders them. */
    final List<ContactRow> pending;
    Builder renderer;
    int records;
    int created;
    int matched;
    int updated;
    int failed;
    /** Records committed before this batch: the job row must still say so, or another runner got here first. */
    long processedBefore;
    long endOffset;
    long endLine;
    boolean last;

    private Batch(boolean planned) {
        pending = planned ? new ArrayList<>() : null;
    }

    /** Renders rows into a batch. One per batch, on one thread (a checker's, then the writer's for a planned batch). */
    static final class Builder {
        private final Batch batch;
        private final ImportIds ids = new ImportIds();
        private final ObjectWriter json;
        private final String jobId;
        private final String source;
        private final String capturedAt;
        private final String now = Instant.now().toString();
        private final Set<String> errorKeys = new HashSet<>();

        Builder(ObjectWriter changeWriter, ImportJob job, boolean planned) {
            this.batch = new Batch(planned);
            this.batch.renderer = planned ? this : null;
            this.json = changeWriter;
            this.jobId = job.id().toString();
            this.source = job.fileName();
            this.capturedAt = job.createdAt().toString();
        }

        void add(RowCheck.Checked checked, long line) {
            batch.records++;
            if (checked.row() == null) {
                for (RowError e : checked.errors()) {
                    errors(List.of(e));
                }
                outcome(new UpsertPlan.RowOutcome(line, ImportOutcome.ERROR, null, List.of()));
                return;
            }
            if (batch.pending != null) {
                batch.pending.add(checked.row());
                return;
            }
            ContactRow row = checked.row();
            UUID contactId = ids.next();
            contact(contactId, row.givenName(), row.familyName(), row.displayName(), row.organisationId(), row.owner(),
                    row.stage(), row.tags(), row.language(), row.externalId());
            row.points().forEach(p -> point(contactId, p));
            outcome(new UpsertPlan.RowOutcome(line, ImportOutcome.CREATED, contactId, List.of()));
        }

        /** Renders what the writer planned for the pending rows; the filled contacts' updates are the writer's. */
        void planned(UpsertPlan plan) {
            for (UpsertPlan.Target t : plan.created()) {
                contact(t.id, t.givenName, t.familyName, t.displayName, t.organisationId, t.owner, t.stage, t.tagList(),
                        t.language, t.externalId);
            }
            for (UpsertPlan.Target t : plan.created()) {
                t.newPoints.forEach(p -> point(t.id, p));
            }
            for (UpsertPlan.Target t : plan.filled()) {
                t.newPoints.forEach(p -> point(t.id, p));
            }
            errors(plan.errors());
            plan.outcomes().forEach(this::outcome);
        }

        UUID newId() {
            return ids.next();
        }

        Batch build(long processedBefore, long endOffset, long endLine, boolean last) {
            batch.processedBefore = processedBefore;
            batch.endOffset = endOffset;
            batch.endLine = endLine;
            batch.last = last;
            return batch;
        }

        Batch batch() {
            return batch;
        }

        private void errors(List<RowError> errors) {
            for (RowError e : errors) {
                if (errorKeys.add(e.line() + "|" + e.field())) {
                    batch.errors.add(e);
                }
            }
        }

        private void contact(UUID id, String given, String family, String display, UUID organisation, String owner,
                LifecycleStage stage, List<String> tags, String language, String externalId) {
            StringBuilder c = batch.contacts;
            value(c, id.toString()).append('\t');
            value(c, given).append('\t');
            value(c, family).append('\t');
            value(c, display).append('\t');
            value(c, organisation == null ? null : organisation.toString()).append('\t');
            value(c, owner).append('\t');
            value(c, stage.name()).append('\t');
            value(c, array(tags)).append('\t');
            value(c, language).append('\t');
            value(c, externalId).append('\t');
            c.append(now).append('\t').append(now).append('\n');
        }

        private void point(UUID contactId, ContactRow.Point p) {
            UUID pointId = ids.next();
            StringBuilder s = batch.points;
            s.append(pointId).append('\t').append(contactId).append('\t').append(p.channel().name()).append('\t');
            value(s, p.address()).append('\t').append(p.context().name()).append('\t')
                    .append(ProvenanceKind.IMPORTED.name()).append('\t');
            value(s, source).append('\t').append(capturedAt).append('\t').append(now).append('\n');
            ContactPointChange change = new ContactPointChange("ADDED", contactId, pointId, p.channel().name(),
                    p.address(), p.context().name(), ProvenanceKind.IMPORTED.name(), source, null, null, null);
            StringBuilder o = batch.outbox;
            o.append(ids.next()).append('\t').append(contactId).append('\t').append(Outbox.CONTACT_POINT_CHANGED).append('\t');
            value(o, write(change)).append('\t').append(now).append('\n');
        }

        private void outcome(UpsertPlan.RowOutcome r) {
            switch (r.outcome()) {
                case CREATED -> batch.created++;
                case MATCHED -> batch.matched++;
                case UPDATED -> batch.updated++;
                case ERROR -> batch.failed++;
            }
            StringBuilder o = batch.outcomes;
            o.append(jobId).append('\t').append(r.line()).append('\t').append(r.outcome().name()).append('\t');
            value(o, r.contactId() == null ? null : r.contactId().toString()).append('\t');
            value(o, r.changed().isEmpty() ? null : array(r.changed())).append('\n');
        }

        private String write(ContactPointChange change) {
            try {
                return json.writeValueAsString(change);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Appends a value escaped for COPY's text format (backslash, tab, CR, LF); null is \N. */
    static StringBuilder value(StringBuilder out, String s) {
        if (s == null) {
            return out.append("\\N");
        }
        int i = 0;
        while (i < s.length() && s.charAt(i) >= ' ' && s.charAt(i) != '\\') {
            i++;
        }
        if (i == s.length()) {
            return out.append(s); // the usual case: nothing to escape, one bulk copy
        }
        out.append(s, 0, i);
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    /** A text[] literal: every element double-quoted, with quotes and backslashes escaped. */
    static String array(List<String> values) {
        StringBuilder a = new StringBuilder(2 + values.size() * 12).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                a.append(',');
            }
            a.append('"');
            String v = values.get(i);
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                if (ch == '"' || ch == '\\') {
                    a.append('\\');
                }
                a.append(ch);
            }
            a.append('"');
        }
        return a.append('}').toString();
    }
}

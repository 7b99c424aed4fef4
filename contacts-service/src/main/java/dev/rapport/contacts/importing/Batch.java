package dev.rapport.contacts.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.contactpoint.ProvenanceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A run of consecutive records ready to be written in one transaction: the contacts, contact points and outbox
 * events already rendered in PostgreSQL's COPY text format, the errors of the rows that failed, and where in
 * the file the batch ends (so progress and data commit together, see {@link BatchWriter}).
 */
final class Batch {
    static final String CONTACT_COLUMNS =
            "id, given_name, family_name, display_name, organisation_id, owner, lifecycle_stage, tags, language, created_at, updated_at";
    static final String POINT_COLUMNS =
            "id, contact_id, channel, address, context, provenance, provenance_source, captured_at, created_at";
    static final String OUTBOX_COLUMNS = "event_id, contact_id, event_type, payload, created_at";

    final StringBuilder contacts = new StringBuilder(1 << 16);
    final StringBuilder points = new StringBuilder(1 << 16);
    final StringBuilder outbox = new StringBuilder(1 << 16);
    final List<RowError> errors = new ArrayList<>();
    int records;
    int imported;
    int failed;
    /** Records committed before this batch: the job row must still say so, or another runner got here first. */
    long processedBefore;
    long endOffset;
    long endLine;
    boolean last;

    /** Renders rows into a batch. One per batch, on one thread. */
    static final class Builder {
        private final Batch batch = new Batch();
        private final ImportIds ids = new ImportIds();
        private final ObjectWriter json;
        private final String source;
        private final String capturedAt;
        private final String now = Instant.now().toString();
        private final Set<String> errorKeys = new HashSet<>();

        Builder(ObjectWriter changeWriter, String fileName, Instant capturedAt) {
            this.json = changeWriter;
            this.source = fileName;
            this.capturedAt = capturedAt.toString();
        }

        void add(RowCheck.Checked checked) {
            batch.records++;
            if (checked.row() == null) {
                batch.failed++;
                for (RowError e : checked.errors()) {
                    if (errorKeys.add(e.line() + "|" + e.field())) {
                        batch.errors.add(e);
                    }
                }
                return;
            }
            batch.imported++;
            ContactRow row = checked.row();
            UUID contactId = ids.next();
            StringBuilder c = batch.contacts;
            value(c, contactId.toString()).append('\t');
            value(c, row.givenName()).append('\t');
            value(c, row.familyName()).append('\t');
            value(c, row.displayName()).append('\t');
            value(c, row.organisationId() == null ? null : row.organisationId().toString()).append('\t');
            value(c, row.owner()).append('\t');
            value(c, row.stage().name()).append('\t');
            value(c, array(row.tags())).append('\t');
            value(c, row.language()).append('\t');
            c.append(now).append('\t').append(now).append('\n');
            for (ContactRow.Point p : row.points()) {
                UUID pointId = ids.next();
                StringBuilder s = batch.points;
                s.append(pointId).append('\t').append(contactId).append('\t').append(p.channel().name()).append('\t');
                value(s, p.address()).append('\t').append(p.context().name()).append('\t')
                        .append(ProvenanceKind.IMPORTED.name()).append('\t');
                value(s, source).append('\t').append(capturedAt).append('\t').append(now).append('\n');
                ContactPointChange change = new ContactPointChange("ADDED", contactId, pointId, p.channel().name(),
                        p.address(), p.context().name(), ProvenanceKind.IMPORTED.name(), source, null, null);
                StringBuilder o = batch.outbox;
                o.append(ids.next()).append('\t').append(contactId).append('\t').append(Outbox.CONTACT_POINT_CHANGED).append('\t');
                value(o, write(change)).append('\t').append(now).append('\n');
            }
        }

        Batch build(long processedBefore, long endOffset, long endLine, boolean last) {
            batch.processedBefore = processedBefore;
            batch.endOffset = endOffset;
            batch.endLine = endLine;
            batch.last = last;
            return batch;
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

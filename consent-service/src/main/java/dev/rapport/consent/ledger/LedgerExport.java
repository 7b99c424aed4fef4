package dev.rapport.consent.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.csv.Csv;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Streams the ledger by filter, a page of rows at a time (keyset on recorded_at, id), so an export of millions of
 * events never sits in memory; {@link LedgerExportQueries} reads the pages. Personal free text (note, ip address,
 * user agent) is not exported in bulk; it is in the person's own export.
 */
@ApplicationScoped
public class LedgerExport {
    static final int PAGE = 1000;
    static final String[] CSV_HEADER = {"id", "contactId", "seq", "kind", "purpose", "channel", "contactPointId", "lawfulBasis",
            "source", "formId", "wordingHash", "actor", "occurredAt", "recordedAt", "expiresAt", "until", "prevHash", "hash"};

    @Inject
    LedgerExportQueries queries;
    @Inject
    ObjectMapper json;

    public record Filter(UUID contactId, String purpose, Instant from, Instant to) {
    }

    /** JSON: pieces of one array, comma-joined; the server adds the brackets and commas between pieces. */
    public Multi<Buffer> json(Filter f) {
        return pages(f).map(rows -> {
            StringBuilder b = new StringBuilder();
            for (ConsentEventView e : rows) {
                if (b.length() > 0) {
                    b.append(',');
                }
                try {
                    b.append(json.writeValueAsString(e));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            return Buffer.buffer(b.toString());
        });
    }

    public Multi<Buffer> csv(Filter f) {
        Multi<Buffer> header = Multi.createFrom().item(Buffer.buffer(String.join(",", CSV_HEADER) + "\r\n"));
        Multi<Buffer> body = pages(f).map(rows -> {
            StringBuilder b = new StringBuilder();
            for (ConsentEventView e : rows) {
                Object[] cells = {e.id(), e.contactId(), e.seq(), e.kind(), e.purpose(), e.channel(), e.contactPointId(),
                        e.lawfulBasis(), e.source(), e.evidence().formId(), e.evidence().wordingHash(), e.evidence().actor(),
                        e.occurredAt(), e.recordedAt(), e.expiresAt(), e.until(), e.prevHash(), e.hash()};
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append(Csv.cell(cells[i]));
                }
                b.append("\r\n");
            }
            return Buffer.buffer(b.toString());
        });
        return Multi.createBy().concatenating().streams(header, body);
    }

    private Multi<List<ConsentEventView>> pages(Filter f) {
        return Multi.createBy().repeating().uni(() -> new LedgerExportQueries.Key[] {null},
                        (LedgerExportQueries.Key[] cursor) -> queries.page(f, cursor[0], PAGE).map(batch -> {
                            cursor[0] = batch.next();
                            return batch;
                        }))
                .whilst(batch -> batch.next() != null)
                .map(LedgerExportQueries.Batch::rows)
                .filter(rows -> !rows.isEmpty());
    }
}

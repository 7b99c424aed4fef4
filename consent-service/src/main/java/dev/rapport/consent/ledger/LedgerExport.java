package dev.rapport.consent.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import dev.rapport.platform.csv.Csv;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Streams the ledger by filter, a page of rows at a time (keyset on recorded_at, id), so an export of millions of
 * events never sits in memory. Reactive client directly: Hibernate would keep every page in its session. Personal
 * free text (note, ip address, user agent) is not exported in bulk; it is in the person's own export.
 */
@ApplicationScoped
public class LedgerExport {
    static final int PAGE = 1000;
    static final String[] CSV_HEADER = {"id", "contactId", "seq", "kind", "purpose", "channel", "contactPointId", "lawfulBasis",
            "source", "formId", "wordingHash", "actor", "occurredAt", "recordedAt", "expiresAt", "until", "prevHash", "hash"};

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    public record Filter(UUID contactId, String purpose, Instant from, Instant to) {
    }

    private record Key(OffsetDateTime recordedAt, UUID id) {
    }

    private record Batch(List<ConsentEventView> rows, Key next) {
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
        return Multi.createBy().repeating().uni(() -> new Key[] {null}, (Key[] cursor) -> page(f, cursor[0]).map(batch -> {
                    cursor[0] = batch.next();
                    return batch;
                }))
                .whilst(batch -> batch.next() != null)
                .map(Batch::rows)
                .filter(rows -> !rows.isEmpty());
    }

    private Uni<Batch> page(Filter f, Key after) {
        return pool.preparedQuery("""
                        select id, contact_id, seq, kind, purpose, channel, contact_point_id, lawful_basis, source, form_id,
                               wording_hash, actor, occurred_at, recorded_at, expires_at, until_at, prev_hash, hash
                        from consent_events
                        where ($1::uuid is null or contact_id = $1) and ($2::text is null or purpose = $2)
                          and ($3::timestamptz is null or recorded_at >= $3) and ($4::timestamptz is null or recorded_at < $4)
                          and ($5::timestamptz is null or (recorded_at, id) > ($5, $6::uuid))
                        order by recorded_at, id
                        limit $7
                        """)
                .execute(Tuple.from(java.util.Arrays.asList(f.contactId(), f.purpose(), utc(f.from()), utc(f.to()),
                        after == null ? null : after.recordedAt(), after == null ? null : after.id(), PAGE)))
                .map(rows -> {
                    List<ConsentEventView> out = new ArrayList<>(PAGE);
                    Key last = null;
                    for (Row r : rows) {
                        out.add(view(r));
                        last = new Key(r.getOffsetDateTime("recorded_at"), r.getUUID("id"));
                    }
                    return new Batch(out, out.size() == PAGE ? last : null);
                });
    }

    private static ConsentEventView view(Row r) {
        String channel = r.getString("channel");
        String basis = r.getString("lawful_basis");
        return new ConsentEventView(r.getUUID("id"), r.getUUID("contact_id"), r.getLong("seq"), EventKind.valueOf(r.getString("kind")),
                r.getString("purpose"), channel == null ? null : Channel.valueOf(channel), r.getUUID("contact_point_id"),
                basis == null ? null : LawfulBasis.valueOf(basis), EventSource.valueOf(r.getString("source")),
                new ConsentEventView.EvidenceView(r.getString("form_id"), r.getString("wording_hash"), r.getString("actor"), null, null, null),
                instant(r, "occurred_at"), instant(r, "recorded_at"), instant(r, "expires_at"), instant(r, "until_at"),
                r.getString("prev_hash"), r.getString("hash"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}

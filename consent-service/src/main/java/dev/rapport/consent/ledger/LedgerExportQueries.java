package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The ledger export's one statement: a page of consent events by filter, keyset on (recorded_at, id), and its row
 * mapper. SQL client, not Hibernate: Hibernate would keep every page of an export in its session. The bulk export
 * leaves out personal free text (note, ip address, user agent); it is in the person's own export.
 */
@ApplicationScoped
public class LedgerExportQueries {
    @Inject
    Pool pool;

    /** Where a page ends: the next page starts after it. */
    record Key(OffsetDateTime recordedAt, UUID id) {
    }

    /** A page of events; {@code next} is null after the last page. */
    record Batch(List<ConsentEventView> rows, Key next) {
    }

    /** Up to {@code size} events matching {@code f} after {@code after} (null: from the start). */
    Uni<Batch> page(LedgerExport.Filter f, Key after, int size) {
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
                .execute(Tuple.from(Arrays.asList(f.contactId(), f.purpose(), utc(f.from()), utc(f.to()),
                        after == null ? null : after.recordedAt(), after == null ? null : after.id(), size)))
                .map(rows -> {
                    List<ConsentEventView> out = new ArrayList<>(size);
                    Key last = null;
                    for (Row r : rows) {
                        out.add(view(r));
                        last = new Key(r.getOffsetDateTime("recorded_at"), r.getUUID("id"));
                    }
                    return new Batch(out, out.size() == size ? last : null);
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

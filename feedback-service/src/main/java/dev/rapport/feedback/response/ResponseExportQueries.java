package dev.rapport.feedback.response;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a consultation's responses with their ratings a page of responses at a time (keyset), so an export of 100,000
 * responses never sits in memory. Named responses come first in submission order (v7 ids); anonymous ones follow in an
 * order keyed by a salt drawn for each export, so neither their position nor any id in the file is stable from one
 * export to the next or says when they answered. Anonymous rows are read without id, contact or time.
 */
@ApplicationScoped
public class ResponseExportQueries {
    static final int PAGE = 500;

    private static final String SORT_KEY = "(case when p.anonymous then '1' || md5($2 || p.id::text) else '0' || p.id::text end) collate \"C\"";
    private static final String PAGE_QUERY = """
            with page as (
              select p.id, p.anonymous, p.contact_id, p.submitted_at, %1$s as k
                from responses p
               where p.consultation_id = $1 and %1$s > $3
               order by k
               limit $4)
            select page.k, page.anonymous,
                   case when page.anonymous then null else page.id end as response_id,
                   case when page.anonymous then null else page.contact_id end as contact_id,
                   case when page.anonymous then null else page.submitted_at end as submitted_at,
                   r.initiative_id, r.bucket, r.comment
              from page join response_ratings r on r.response_id = page.id
             order by page.k, r.initiative_id
            """.formatted(SORT_KEY);

    @Inject
    Pool pool;

    /** One response as exported: for an anonymous one only its ratings. */
    public record ExportedResponse(boolean anonymous, UUID responseId, UUID contactId, Instant submittedAt,
            List<ExportedRating> ratings) {
    }

    public record ExportedRating(UUID initiativeId, Bucket bucket, String comment) {
    }

    private record Batch(List<ExportedResponse> responses, String next) {
    }

    public Multi<List<ExportedResponse>> pages(UUID consultationId) {
        String salt = UUID.randomUUID().toString();
        return Multi.createBy().repeating()
                .uni(() -> new String[] {""}, (String[] after) -> page(consultationId, salt, after[0]).invoke(b -> after[0] = b.next()))
                .whilst(b -> b.next() != null)
                .map(Batch::responses)
                .filter(list -> !list.isEmpty());
    }

    private Uni<Batch> page(UUID consultationId, String salt, String after) {
        return pool.preparedQuery(PAGE_QUERY).execute(Tuple.of(consultationId, salt, after, PAGE)).map(rows -> {
            Map<String, ExportedResponse> byKey = new LinkedHashMap<>();
            for (Row r : rows) {
                ExportedResponse response = byKey.computeIfAbsent(r.getString("k"), k -> new ExportedResponse(
                        r.getBoolean("anonymous"), r.getUUID("response_id"), r.getUUID("contact_id"),
                        instant(r.getOffsetDateTime("submitted_at")), new ArrayList<>()));
                response.ratings().add(new ExportedRating(r.getUUID("initiative_id"), Bucket.ofWeight(r.getShort("bucket")),
                        r.getString("comment")));
            }
            String last = byKey.isEmpty() ? null : new ArrayList<>(byKey.keySet()).get(byKey.size() - 1);
            return new Batch(new ArrayList<>(byKey.values()), byKey.size() == PAGE ? last : null);
        });
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}

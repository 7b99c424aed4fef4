package dev.rapport.platform.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One parent's page of a nested list read for many parents at once ({@code GET …?threadIds=}, {@code caseIds=}, …): its
 * items, the cursor of its next page (null on the last), one cursor per item, and how many items the whole list has.
 * A bulk read answers one entry per distinct id asked, in the order asked; an unknown id gets an empty list and 0.
 */
public record PerParent<T>(UUID id, List<T> items, String next, List<String> cursors, long total) {

    /**
     * One row of a bulk page read: its parent, that parent's total, and the item ({@code null} on the row that only
     * carries the total of a parent with nothing on this page).
     */
    public record Row<T>(UUID parent, long total, T item) {
    }

    /**
     * Runs one statement answering every parent asked: columns {@code parent} (the id asked), {@code total} (that
     * parent's whole list) and {@code id} (the item's, null on the row of a parent with nothing on this page), up to
     * {@code limit + 1} item rows per parent in the list's order; {@code view} maps an item row.
     */
    public static <T> Uni<List<PerParent<T>>> read(Pool pool, String sql, Tuple params, List<UUID> ids, int limit,
            Function<io.vertx.mutiny.sqlclient.Row, T> view, Function<T, String> cursorOf) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Row<T>> read = new ArrayList<>();
            rows.forEach(r -> read.add(new Row<>(r.getUUID("parent"), r.getLong("total"),
                    r.getUUID("id") == null ? null : view.apply(r))));
            return paged(ids, read, limit, cursorOf);
        });
    }

    /**
     * Groups up to {@code limit + 1} rows per parent (already in each list's order): the extra row only tells that the
     * parent has more, and the cursor of its last returned row becomes that parent's {@code next}.
     */
    public static <T> List<PerParent<T>> paged(List<UUID> ids, List<Row<T>> rows, int limit, Function<T, String> cursorOf) {
        Map<UUID, List<T>> items = new LinkedHashMap<>();
        Map<UUID, Long> totals = new LinkedHashMap<>();
        ids.forEach(id -> items.put(id, new ArrayList<>()));
        for (Row<T> row : rows) {
            List<T> list = items.get(row.parent());
            if (list == null) {
                continue;
            }
            totals.put(row.parent(), row.total());
            if (row.item() != null) {
                list.add(row.item());
            }
        }
        List<PerParent<T>> out = new ArrayList<>(items.size());
        items.forEach((id, list) -> {
            boolean more = list.size() > limit;
            List<T> page = more ? List.copyOf(list.subList(0, limit)) : List.copyOf(list);
            List<String> cursors = page.stream().map(cursorOf).toList();
            out.add(new PerParent<>(id, page, more ? cursors.get(cursors.size() - 1) : null, cursors,
                    totals.getOrDefault(id, 0L)));
        });
        return out;
    }
}

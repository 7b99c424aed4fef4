package dev.rapport.platform.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One contact's share of a bulk read ({@code GET …?contactIds=}): its items and, where the list is paged, the cursor
 * of its next page (null on the last) and one cursor per item (the list continues after that item when it is passed
 * back as {@code cursor}). A bulk read answers one entry per distinct id asked, in the order asked; a contact with
 * nothing gets an empty list.
 */
public record PerContact<T>(UUID contactId, List<T> items, String next, List<String> cursors) {

    /** The most ids one bulk read takes (the gateway batches a page of contacts into one call). */
    public static final int MAX_IDS = 500;

    /** Groups rows (already in each contact's order) under the ids asked. */
    public static <T> List<PerContact<T>> group(List<UUID> ids, List<T> rows, Function<T, UUID> contactOf) {
        Map<UUID, List<T>> byContact = byContact(ids, rows, contactOf);
        List<PerContact<T>> out = new ArrayList<>(ids.size());
        byContact.forEach((id, list) -> out.add(new PerContact<>(id, List.copyOf(list), null, null)));
        return out;
    }

    /**
     * Groups up to {@code limit + 1} rows per contact (a window query's first rows): the extra row only tells that
     * the contact has more, and the cursor of its last returned row becomes that contact's {@code next}.
     */
    public static <T> List<PerContact<T>> paged(List<UUID> ids, List<T> rows, int limit, Function<T, UUID> contactOf,
            Function<T, String> cursorOf) {
        Map<UUID, List<T>> byContact = byContact(ids, rows, contactOf);
        List<PerContact<T>> out = new ArrayList<>(ids.size());
        byContact.forEach((id, list) -> {
            boolean more = list.size() > limit;
            List<T> items = more ? List.copyOf(list.subList(0, limit)) : List.copyOf(list);
            List<String> cursors = items.stream().map(cursorOf).toList();
            out.add(new PerContact<>(id, items, more ? cursors.get(cursors.size() - 1) : null, cursors));
        });
        return out;
    }

    private static <T> Map<UUID, List<T>> byContact(List<UUID> ids, List<T> rows, Function<T, UUID> contactOf) {
        Map<UUID, List<T>> byContact = new LinkedHashMap<>();
        ids.forEach(id -> byContact.put(id, new ArrayList<>()));
        for (T row : rows) {
            List<T> list = byContact.get(contactOf.apply(row));
            if (list != null) {
                list.add(row);
            }
        }
        return byContact;
    }
}

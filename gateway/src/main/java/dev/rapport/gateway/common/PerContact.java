package dev.rapport.gateway.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One contact's share of a service's bulk read ({@code GET /by-contact/…?contactIds=}), as it arrives: the items and,
 * where the list is paged, one cursor per item and the cursor of that contact's next page.
 */
public record PerContact<T>(String contactId, List<T> items, String next, List<String> cursors) {

    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    /** The answers in the order asked; a contact the service left out gets an empty entry. */
    public static <T, R> List<R> inOrder(List<String> ids, List<PerContact<T>> found, Function<PerContact<T>, R> as) {
        Map<String, PerContact<T>> byId = new HashMap<>();
        found.forEach(p -> byId.put(p.contactId(), p));
        return ids.stream().map(id -> as.apply(byId.getOrDefault(id, new PerContact<>(id, List.of(), null, null)))).toList();
    }

    /** Just the lists, in the order asked. */
    public static <T> List<List<T>> lists(List<String> ids, List<PerContact<T>> found) {
        return inOrder(ids, found, PerContact::itemsOrEmpty);
    }

    /** Each contact's first page, in the order asked. */
    public static <T> List<Page<T>> pages(List<String> ids, List<PerContact<T>> found) {
        return inOrder(ids, found, p -> new Page<>(p.itemsOrEmpty(), p.next(), p.cursors()));
    }
}

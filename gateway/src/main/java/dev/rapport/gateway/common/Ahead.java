package dev.rapport.gateway.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

/**
 * Calls started ahead of their field, for one GraphQL request. A {@code contact(id)} query knows the id of every
 * nested field's contact before contacts-service has answered, so it starts the selected fields' service calls at
 * once instead of after the contact arrives (one round trip deep instead of two). When GraphQL then resolves the
 * field, its resolver takes the calls already under way if one was started for each of its contacts with the same
 * arguments (several {@code contact(id)} in one document batch their fields together); anything else is called as
 * usual.
 */
@RequestScoped
public class Ahead {
    private record Key(String field, List<String> ids, List<Object> arguments) {
    }

    private final Map<Key, Uni<?>> started = new ConcurrentHashMap<>();

    /**
     * The calls started ahead for these contacts and arguments (one per contact, answers joined in the order asked), or
     * {@code call} now when not every contact has one (a list of contacts, other arguments, nothing started).
     */
    @SuppressWarnings("unchecked")
    public <E> Uni<List<E>> orCall(String field, List<String> ids, List<Object> arguments, Supplier<Uni<List<E>>> call) {
        List<Key> keys = ids.stream().map(id -> new Key(field, List.of(id), arguments)).toList();
        List<Uni<List<E>>> parts = new ArrayList<>(keys.size());
        for (Key key : keys) {
            Uni<List<E>> part = (Uni<List<E>>) started.get(key);
            if (part == null) {
                return call.get();
            }
            parts.add(part);
        }
        keys.forEach(started::remove);
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return Uni.combine().all().unis(parts).with(answers -> {
            List<E> joined = new ArrayList<>(answers.size());
            answers.forEach(answer -> joined.addAll((List<E>) answer));
            return joined;
        });
    }

    /**
     * Starts a field's call for one contact now; its answer (or failure) waits for the field. A call the caller may not
     * make (its role) is not started: the field then refuses as it always does.
     */
    public void start(String field, String id, List<Object> arguments, Supplier<Uni<?>> call) {
        Uni<?> running;
        try {
            running = call.get().memoize().indefinitely();
        } catch (RuntimeException refused) {
            return;
        }
        running.subscribe().with(item -> {
        }, failure -> {
        });
        started.put(new Key(field, List.of(id), arguments), running);
    }
}

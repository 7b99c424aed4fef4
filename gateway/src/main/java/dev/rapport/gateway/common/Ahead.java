package dev.rapport.gateway.common;

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
 * field, its resolver takes the call already under way if it was started for the same contact and arguments; anything
 * else (another contact list, other arguments, nothing started) is called as usual.
 */
@RequestScoped
public class Ahead {
    private record Key(String field, List<String> ids, List<Object> arguments) {
    }

    private final Map<Key, Uni<?>> started = new ConcurrentHashMap<>();

    /** The call started ahead for these contacts and arguments, or {@code call} now. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> orCall(String field, List<String> ids, List<Object> arguments, Supplier<Uni<T>> call) {
        if (ids.size() == 1) {
            Uni<T> ahead = (Uni<T>) started.remove(new Key(field, ids, arguments));
            if (ahead != null) {
                return ahead;
            }
        }
        return call.get();
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

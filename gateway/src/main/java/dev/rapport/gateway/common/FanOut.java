package dev.rapport.gateway.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One call per contact, for the one lookup a caller's role cannot make in bulk (an agent's decisions: consent-service's
 * bulk decisions endpoint is for audiences, not agents). Every Contact field otherwise reads its service's bulk
 * endpoint. At most {@link #CONCURRENCY} calls in flight per field and query, answers in the order asked. Each call goes through the client bean, so it has its own timeout and
 * retry and is counted by the breaker.
 */
public final class FanOut {
    public static final int CONCURRENCY = 8;

    private FanOut() {
    }

    private record Indexed<T>(int index, T value) {
    }

    public static <T> Uni<List<T>> each(List<String> ids, Function<String, Uni<T>> call) {
        if (ids.size() == 1) {
            return call.apply(ids.get(0)).map(Collections::singletonList);
        }
        return Multi.createFrom().range(0, ids.size())
                .onItem().transformToUni(i -> call.apply(ids.get(i)).map(v -> new Indexed<>(i, v)))
                .merge(CONCURRENCY)
                .collect().asList()
                .map(results -> {
                    List<T> out = new ArrayList<>(Collections.nCopies(ids.size(), null));
                    results.forEach(r -> out.set(r.index(), r.value()));
                    return out;
                });
    }
}

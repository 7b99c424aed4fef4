package dev.rapport.gateway.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Splits a batch larger than a bulk endpoint's limit into consecutive calls (one call for the usual page sizes). */
public final class Batches {
    private Batches() {
    }

    public static <T> Uni<List<T>> inChunks(List<String> ids, int max, Function<List<String>, Uni<List<T>>> call) {
        if (ids.size() <= max) {
            return call.apply(ids);
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += max) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + max)));
        }
        return Multi.createFrom().iterable(chunks).onItem().transformToUniAndConcatenate(call::apply)
                .collect().in(() -> new ArrayList<T>(), List::addAll).map(l -> (List<T>) l);
    }
}

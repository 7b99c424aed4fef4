package dev.rapport.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} support. Must run inside the caller's transaction: the remembered response is
 * written in the same transaction as the effect, so a retry after a crash either replays the committed
 * result or finds nothing and does the work once. A concurrent duplicate loses on the primary key and
 * gets a 409 it can retry.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    @Inject
    ObjectMapper json;

    public <T> Uni<T> once(String scope, String key, Object request, Class<T> resultType, Supplier<Uni<T>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200) {
            return Uni.createFrom().failure(ProblemException.badField(HEADER, "must be 1 to 200 characters"));
        }
        String id = scope + ":" + key;
        String hash = hash(request);
        return Panache.getSession().flatMap(session -> session.find(IdempotencyRecord.class, id).flatMap(existing -> {
            if (existing != null) {
                if (!existing.requestHash.equals(hash)) {
                    return Uni.createFrom().failure(ProblemException.rule("idempotency-key-reused",
                            "This Idempotency-Key was already used for a different request"));
                }
                return Uni.createFrom().item(() -> read(existing.response, resultType));
            }
            return action.get().flatMap(result -> {
                IdempotencyRecord rec = new IdempotencyRecord();
                rec.id = id;
                rec.requestHash = hash;
                rec.response = write(result);
                rec.createdAt = Instant.now();
                return session.persist(rec).chain(session::flush).replaceWith(result);
            });
        }));
    }

    private String hash(Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serialisable", e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored response not readable", e);
        }
    }
}

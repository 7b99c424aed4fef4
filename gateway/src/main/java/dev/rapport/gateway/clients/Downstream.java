package dev.rapport.gateway.clients;

import java.util.function.Function;

import dev.rapport.gateway.error.ServiceUnavailableError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;

/** How service answers turn into GraphQL results. */
public final class Downstream {
    private Downstream() {
    }

    /** Inside the breaker: a 404 on a read is an absent value, not a failure. */
    public static <T> Uni<T> notFoundAsNull(Uni<T> call) {
        return call.onFailure(Downstream::isNotFound).recoverWithNull();
    }

    static boolean isNotFound(Throwable t) {
        return t instanceof ProblemResponse p && p.status() == 404
                || t instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() == 404;
    }

    /**
     * Outside the breaker: a refused input becomes a coded GraphQL error; anything else (timeout, open circuit, 5xx,
     * no connection) becomes "service unavailable" with no internal text.
     */
    public static Function<Throwable, Throwable> toGraphQL(String service) {
        return t -> t instanceof ProblemResponse p ? p.toGraphQL()
                : new ServiceUnavailableError(service + " is unavailable; its fields are null", service, null, null);
    }
}

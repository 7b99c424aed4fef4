package dev.rapport.delivery.clients;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;

/**
 * What the client beans share. A 404 is an answer (null), not a failure; any other 4xx is {@link Refused}, which is
 * never retried and never opens a breaker (asking again cannot change it); no answer or a 5xx is a failure to retry.
 */
public final class Downstream {
    private Downstream() {
    }

    /** The HTTP status a call failed with, or 0 when it got no answer (timeout, connection refused, breaker open). */
    public static int status(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null ? w.getResponse().getStatus() : 0;
    }

    public static <T> Uni<T> read(Uni<T> call, String what) {
        return call.onFailure(e -> status(e) == 404).recoverWithNull()
                .onFailure(e -> status(e) >= 400 && status(e) < 500).transform(e -> new Refused(what, status(e)));
    }

    /** The service refused the call for good (a 4xx other than 404): a bug or a missing role, not an outage. */
    public static final class Refused extends RuntimeException {
        private final int status;

        public Refused(String what, int status) {
            super(what + " refused with HTTP " + status, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}

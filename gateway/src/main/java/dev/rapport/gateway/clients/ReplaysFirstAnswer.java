package dev.rapport.gateway.clients;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fault-tolerance policies of the client beans, by name:
 * <ul>
 * <li><b>read</b> — {@code @Retry} on top of the bean's {@code @Timeout} and {@code @CircuitBreaker}: asking again
 * cannot change anything;</li>
 * <li><b>write</b> — the bean's {@code @Timeout} and {@code @CircuitBreaker} only, never retried: a retry after a lost
 * answer could apply twice or answer differently (an invitation retried answers "0 invited"). A write that can take
 * long gets its own, longer {@code @Timeout};</li>
 * <li><b>replayed write</b> — a write retried because the service answers a repeat with the first answer (the same
 * {@code Idempotency-Key}, a PUT of the same state, a decision that stores nothing). Only these carry this annotation,
 * saying why.</li>
 * </ul>
 * {@code RetryPolicyTest} fails when a method that calls a POST, PUT or DELETE carries {@code @Retry} without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReplaysFirstAnswer {
    /** Why a repeat answers exactly what the first call answered. */
    String value();
}

package dev.rapport.platform.webhooks;

import dev.rapport.platform.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends partner webhooks, away from every request path: a service's scheduler calls {@link #tick()}, which moves new
 * outbox events into per-subscription deliveries and starts due ones, at most {@code concurrency} in flight; each
 * finished delivery records its attempt and, once half the slots are free, claims more. A receiver that is slow costs
 * only the slots it holds (each request times out), never a caller of the service.
 *
 * <p>At least once: a delivery is claimed with a lease before it is sent and marked delivered only after a 2xx answer;
 * a process that dies in between leaves it to be sent again when the lease ends, under the same {@code webhook-id}.
 */
public final class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 500;

    private final WebhookStore store;
    private final WebhooksConfig config;
    private final RetrySchedule schedule;
    private final HttpClient http;
    private final Tracer tracer;
    private final WebhookSecrets secrets;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private volatile boolean stopped;

    public WebhookDispatcher(WebhookStore store, WebhooksConfig config, Tracer tracer, WebhookSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
        this.config = config;
        this.tracer = tracer;
        this.schedule = config.schedule();
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One round: fan out everything new, then fill the free delivery slots. */
    public Uni<Void> tick() {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        return fanOutAll().chain(this::fill);
    }

    /** Stops claiming; deliveries in flight finish or are sent again after their lease. */
    public void stop() {
        stopped = true;
    }

    public int inFlight() {
        return inFlight.get();
    }

    private Uni<Void> fanOutAll() {
        return store.fanOut(config.fanOutBatch())
                .chain(moved -> moved == config.fanOutBatch() ? fanOutAll() : Uni.createFrom().voidItem());
    }

    private Uni<Void> fill() {
        int free = config.concurrency() - inFlight.get();
        if (stopped || free <= 0 || !claiming.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return store.claim(free, Math.max(1, config.lease().toSeconds()))
                .invoke(claimed -> claimed.forEach(this::start))
                .eventually(() -> claiming.set(false))
                .replaceWithVoid();
    }

    private void start(WebhookStore.Claimed c) {
        inFlight.incrementAndGet();
        send(c).onFailure().invoke(e -> LOG.warnf(e, "Could not record the attempt of webhook delivery %s; it goes again "
                        + "when its lease ends", c.id()))
                .onFailure().recoverWithNull()
                .eventually(inFlight::decrementAndGet)
                .subscribe().with(x -> refill(), e -> refill());
    }

    private void refill() {
        if (inFlight.get() <= config.concurrency() / 2) {
            fill().subscribe().with(x -> { }, e -> LOG.debugf(e, "Claiming webhook deliveries failed"));
        }
    }

    /**
     * One attempt, in a span that continues the trace of the request that wrote the event (its outbox row keeps the
     * traceparent); the receiver gets that span's {@code traceparent}, so a partner can continue the trace too.
     */
    private Uni<Void> send(WebhookStore.Claimed c) {
        SpanBuilder builder = tracer.spanBuilder("webhook " + c.eventType()).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("rapport.webhook.subscription_id", c.subscriptionId().toString())
                .setAttribute("rapport.webhook.event_id", c.eventId().toString())
                .setAttribute("rapport.webhook.attempt", (long) c.attempts() + 1);
        TraceContext.restore(c.traceparent()).ifPresentOrElse(builder::setParent, builder::setNoParent);
        Span span = builder.startSpan();
        return attempt(c, TraceContext.traceparent(span)).onItemOrFailure().invoke((status, failure) -> {
            if (status != null && status > 0) {
                span.setAttribute("http.response.status_code", (long) status);
            }
            if (failure != null || status == null || status < 200 || status >= 300) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }).replaceWithVoid();
    }

    /**
     * Sends and records the attempt; answers the receiver's status code, or 0 when there was no answer. A secret that
     * the configured keys do not open is a failed attempt, logged as an error naming the subscription: nothing is sent
     * unsigned, and the delivery is tried again (with the key configured by then) like any other failure.
     */
    private Uni<Integer> attempt(WebhookStore.Claimed c, String traceparent) {
        List<String> signingSecrets;
        try {
            signingSecrets = c.secrets(secrets);
        } catch (WebhookSecrets.Unreadable e) {
            String error = "webhook subscription " + c.subscriptionId() + " cannot sign: " + e.getMessage();
            LOG.error(error + "; delivery " + c.id() + " not sent, tried again later");
            return failed(c, null, 0, error).replaceWith(0);
        }
        String body = body(c);
        long timestamp = Instant.now().getEpochSecond();
        String id = c.eventId().toString();
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(c.url())).timeout(config.requestTimeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "Rapport-Webhooks/1")
                    .header(StandardWebhooks.ID, id)
                    .header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                    .header(StandardWebhooks.SIGNATURE, StandardWebhooks.signatures(signingSecrets, id, timestamp, body));
            if (traceparent != null) {
                builder.header(TraceContext.TRACEPARENT, traceparent);
            }
            request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException e) {
            return failed(c, null, 0, "invalid URL: " + e.getMessage()).replaceWith(0);
        }
        long started = System.nanoTime();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .onItemOrFailure().transformToUni((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        return failed(c, null, millis, describe(failure)).replaceWith(0);
                    }
                    int code = response.statusCode();
                    if (code >= 200 && code < 300) {
                        return store.delivered(c, code, millis).replaceWith(code);
                    }
                    return failed(c, code, millis, "HTTP " + code).replaceWith(code);
                });
    }

    private Uni<Void> failed(WebhookStore.Claimed c, Integer code, long millis, String error) {
        Instant now = Instant.now();
        Instant firstFailure = c.firstFailedAt() == null ? now : c.firstFailedAt();
        boolean gone = code != null && code == 410;
        boolean exhausted = schedule.exhausted(firstFailure, now);
        Instant next = now.plus(schedule.delayAfter(c.attempts() + 1, ThreadLocalRandom.current().nextDouble()));
        if (gone || exhausted) {
            LOG.warnf("Webhook subscription %s flagged failing: %s", c.subscriptionId(),
                    gone ? "its receiver answered 410 Gone" : "delivery " + c.id() + " failed for " + schedule.giveUpAfter());
        }
        return store.failed(c, code, millis, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, next,
                gone || exhausted);
    }

    /** The Standard Webhooks envelope: type, timestamp (when it happened) and the event's data. */
    static String body(WebhookStore.Claimed c) {
        return "{\"type\":\"" + c.eventType() + "\",\"timestamp\":\"" + c.occurredAt() + "\",\"data\":" + c.data() + "}";
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

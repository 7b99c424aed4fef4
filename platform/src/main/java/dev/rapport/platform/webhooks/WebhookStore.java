package dev.rapport.platform.webhooks;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of partner webhooks, over the service's own tables (each service's migration creates them with the same
 * shape, beside its transactional {@code outbox}): {@code webhook_subscriptions}, {@code webhook_deliveries} (one row
 * per event and subscription) and {@code webhook_attempts} (the delivery log).
 */
public final class WebhookStore {
    /** Only one replica moves events from the outbox at a time, so deliveries are created in outbox order. */
    private static final long FAN_OUT_LOCK = 0x52415050_57484B31L;
    private static final String SUBSCRIPTION_COLUMNS =
            "id, url, description, event_types, status, created_at, created_by, updated_at, failing_since, previous_secret_until";

    private final Pool pool;
    private final String[] eventTypes;
    private final WebhookSecrets secrets;

    /** {@code secrets} seals every signing secret this store writes. */
    public WebhookStore(Pool pool, List<String> eventTypes, WebhookSecrets secrets) {
        this.pool = pool;
        this.eventTypes = eventTypes.toArray(String[]::new);
        this.secrets = secrets;
    }

    /**
     * A delivery a dispatcher has claimed: what it needs to send it and to record the outcome. {@code sealedSecret} and
     * {@code sealedPreviousSecret} are as stored; {@code traceparent}: the W3C trace context of the request that wrote
     * the event, when it was traced.
     */
    public record Claimed(UUID id, UUID subscriptionId, UUID eventId, String eventType, Instant occurredAt, String data,
            String url, String sealedSecret, int attempts, Instant firstFailedAt, String sealedPreviousSecret,
            String traceparent) {

        /**
         * The secrets to sign with, opened: the current one, and the previous one too while a rotation's overlap lasts;
         * {@link WebhookSecrets.Unreadable} when a configured key does not open them.
         */
        public List<String> secrets(WebhookSecrets keys) {
            String secret = keys.open(subscriptionId, sealedSecret);
            return sealedPreviousSecret == null ? List.of(secret)
                    : List.of(secret, keys.open(subscriptionId, sealedPreviousSecret));
        }
    }

    /** A subscription's secrets as stored, for sealing them again with the current key. */
    public record StoredSecrets(UUID subscriptionId, String secret, String previousSecret) {
    }

    // --- subscriptions -------------------------------------------------------------------------------------------

    /** Registers a subscription; {@code secret} is stored sealed. */
    public Uni<WebhookSubscriptionView> insert(String url, String description, List<String> types, String secret, String actor) {
        OffsetDateTime now = now();
        UUID id = Ids.newId();
        return pool.preparedQuery("insert into webhook_subscriptions (id, url, description, event_types, secret, status, "
                        + "created_at, created_by, updated_at) values ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7, $6) returning "
                        + SUBSCRIPTION_COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, url, description, types.toArray(String[]::new), secrets.seal(id, secret), now,
                        actor)))
                .map(rows -> subscription(rows.iterator().next()));
    }

    public Uni<List<WebhookSubscriptionView>> list() {
        return pool.query("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscriptions order by created_at, id").execute()
                .map(WebhookStore::subscriptions);
    }

    public Uni<Optional<WebhookSubscriptionView>> find(UUID id) {
        return pool.preparedQuery("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscriptions where id = $1")
                .execute(Tuple.of(id)).map(rows -> subscriptions(rows).stream().findFirst());
    }

    public Uni<Optional<WebhookSubscriptionView>> pause(UUID id) {
        return pool.preparedQuery("update webhook_subscriptions set status = 'PAUSED', updated_at = now() where id = $1 returning "
                + SUBSCRIPTION_COLUMNS).execute(Tuple.of(id)).map(rows -> subscriptions(rows).stream().findFirst());
    }

    /** Active again; its waiting deliveries are due now, with a fresh retry period. */
    public Uni<Optional<WebhookSubscriptionView>> resume(UUID id) {
        return pool.withTransaction(conn -> conn.preparedQuery("update webhook_subscriptions set status = 'ACTIVE', "
                        + "failing_since = null, updated_at = now() where id = $1 returning " + SUBSCRIPTION_COLUMNS)
                .execute(Tuple.of(id)).call(rows -> conn.preparedQuery("update webhook_deliveries set next_attempt_at = now(), "
                        + "first_failed_at = null where subscription_id = $1 and status = 'PENDING'").execute(Tuple.of(id)))
                .map(rows -> subscriptions(rows).stream().findFirst()));
    }

    /**
     * A new signing secret, stored sealed; the one it replaces keeps signing too (a second signature) until
     * {@code previousUntil}.
     */
    public Uni<Optional<WebhookSubscriptionView>> rotate(UUID id, String secret, Instant previousUntil) {
        return pool.preparedQuery("update webhook_subscriptions set previous_secret = secret, previous_secret_until = $3, "
                        + "secret = $2, updated_at = now() where id = $1 returning " + SUBSCRIPTION_COLUMNS)
                .execute(Tuple.of(id, secrets.seal(id, secret), at(previousUntil)))
                .map(rows -> subscriptions(rows).stream().findFirst());
    }

    /** The subscriptions with a secret not sealed with the key {@code keyId}: plain text from before, or an old key. */
    public Uni<List<StoredSecrets>> secretsNotSealedWith(String keyId) {
        return pool.preparedQuery("select id, secret, previous_secret from webhook_subscriptions "
                        + "where secret not like $1 or previous_secret not like $1 order by id")
                .execute(Tuple.of(WebhookSecrets.PREFIX + keyId + ":%")).map(rows -> {
                    List<StoredSecrets> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new StoredSecrets(r.getUUID("id"), r.getString("secret"), r.getString("previous_secret")));
                    }
                    return out;
                });
    }

    /**
     * Replaces a subscription's stored secrets with the same secrets sealed again, unless they changed since they were
     * read (a rotation, or another replica got there first); answers whether it replaced them.
     */
    public Uni<Boolean> reseal(StoredSecrets was, String secret, String previousSecret) {
        return pool.preparedQuery("update webhook_subscriptions set secret = $4, previous_secret = $5 "
                        + "where id = $1 and secret = $2 and previous_secret is not distinct from $3")
                .execute(Tuple.from(Arrays.asList(was.subscriptionId(), was.secret(), was.previousSecret(), secret, previousSecret)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("delete from webhook_subscriptions where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Schedules again every event of the subscription's types that occurred at or after {@code from}. */
    public Uni<Integer> replay(UUID id, Instant from) {
        return pool.preparedQuery("""
                insert into webhook_deliveries (id, subscription_id, event_id, seq, event_type, contact_id, data, occurred_at,
                                                status, next_attempt_at, created_at, replay)
                select gen_random_uuid(), s.id, o.event_id, o.seq, o.event_type, o.contact_id, o.payload, o.created_at,
                       'PENDING', now(), now(), true
                from webhook_subscriptions s join outbox o on o.event_type = any(s.event_types)
                where s.id = $1 and o.created_at >= $2 and o.event_type = any($3) and o.delivered_at is not null""")
                .execute(Tuple.of(id, at(from), eventTypes)).map(RowSet::rowCount);
    }

    // --- the dispatcher's work -----------------------------------------------------------------------------------

    /**
     * Moves up to {@code limit} new events from the outbox into one delivery per matching subscription (registered by
     * the time the event occurred), in one transaction; answers how many events it moved.
     */
    public Uni<Integer> fanOut(int limit) {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + FAN_OUT_LOCK + ") as locked").execute()
                .chain(lock -> !lock.iterator().next().getBoolean("locked") ? Uni.createFrom().item(0)
                        : conn.preparedQuery("""
                                with batch as (
                                    select seq, event_id, event_type, contact_id, payload, created_at from outbox
                                    where delivered_at is null and event_type = any($1) order by seq limit $2),
                                created as (
                                    insert into webhook_deliveries (id, subscription_id, event_id, seq, event_type, contact_id,
                                                                    data, occurred_at, status, next_attempt_at, created_at)
                                    select gen_random_uuid(), s.id, b.event_id, b.seq, b.event_type, b.contact_id, b.payload,
                                           b.created_at, 'PENDING', now(), now()
                                    from batch b join webhook_subscriptions s
                                      on b.event_type = any(s.event_types) and s.created_at <= b.created_at
                                    returning 1),
                                moved as (
                                    update outbox o set delivered_at = now() from batch b where o.seq = b.seq returning 1)
                                select (select count(*) from moved) as events, (select count(*) from created) as deliveries""")
                        .execute(Tuple.of(eventTypes, limit)).map(rows -> rows.iterator().next().getLong("events").intValue())));
    }

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions for {@code leaseSeconds}: a delivery is due when
     * its time has come and no earlier event of the same contact is still pending for that subscription (order per
     * contact). A claim that is never recorded (the process died) becomes due again when its lease ends.
     */
    public Uni<List<Claimed>> claim(int limit, long leaseSeconds) {
        return pool.preparedQuery("""
                with due as (
                    select d.id from webhook_deliveries d
                    join webhook_subscriptions s on s.id = d.subscription_id and s.status = 'ACTIVE'
                    where d.status = 'PENDING' and d.next_attempt_at <= now()
                      and (d.contact_id is null or not exists (
                          select 1 from webhook_deliveries e
                          where e.subscription_id = d.subscription_id and e.contact_id = d.contact_id and e.status = 'PENDING'
                            and (e.seq < d.seq or (e.seq = d.seq and e.created_at < d.created_at))))
                    order by d.next_attempt_at, d.seq
                    limit $1
                    for update of d skip locked)
                update webhook_deliveries d set next_attempt_at = now() + make_interval(secs => $2)
                from due, webhook_subscriptions s
                where d.id = due.id and s.id = d.subscription_id
                returning d.id, d.subscription_id, d.event_id, d.event_type, d.occurred_at, d.data, s.url, s.secret,
                          d.attempts, d.first_failed_at,
                          case when s.previous_secret_until > now() then s.previous_secret end as previous_secret,
                          (select o.traceparent from outbox o where o.event_id = d.event_id) as traceparent""")
                .execute(Tuple.of(limit, (double) leaseSeconds)).map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(new Claimed(r.getUUID("id"), r.getUUID("subscription_id"), r.getUUID("event_id"),
                                r.getString("event_type"), instant(r, "occurred_at"), r.getString("data"), r.getString("url"),
                                r.getString("secret"), r.getInteger("attempts"), instant(r, "first_failed_at"),
                                r.getString("previous_secret"), r.getString("traceparent")));
                    }
                    return claimed;
                });
    }

    public Uni<Void> delivered(Claimed c, int statusCode, long latencyMillis) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update webhook_deliveries set status = 'DELIVERED', delivered_at = now(), attempts = attempts + 1,
                               last_status_code = $2, last_error = null where id = $1""")
                .execute(Tuple.of(c.id(), statusCode))
                .chain(() -> attempt(conn, c, statusCode, latencyMillis, null)));
    }

    /**
     * Records a failed attempt and when to try again; {@code flag} marks the subscription failing (the retry period is
     * over, or the receiver answered 410 Gone), which stops its deliveries until an admin resumes it.
     */
    public Uni<Void> failed(Claimed c, Integer statusCode, long latencyMillis, String error, Instant nextAttempt, boolean flag) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update webhook_deliveries set attempts = attempts + 1, next_attempt_at = $2,
                               first_failed_at = coalesce(first_failed_at, now()), last_status_code = $3, last_error = $4
                        where id = $1""")
                .execute(Tuple.of(c.id(), at(nextAttempt), statusCode, error))
                .chain(() -> attempt(conn, c, statusCode, latencyMillis, error))
                .chain(() -> !flag ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                                update webhook_subscriptions set status = 'FAILING', failing_since = now(), updated_at = now()
                                where id = $1 and status = 'ACTIVE'""")
                        .execute(Tuple.of(c.subscriptionId())).replaceWithVoid()));
    }

    private static Uni<Void> attempt(io.vertx.mutiny.sqlclient.SqlConnection conn, Claimed c, Integer statusCode,
            long latencyMillis, String error) {
        return conn.preparedQuery("insert into webhook_attempts (delivery_id, subscription_id, attempted_at, status_code, "
                        + "latency_ms, error) values ($1, $2, now(), $3, $4, $5)")
                .execute(Tuple.from(Arrays.asList(c.id(), c.subscriptionId(), statusCode, latencyMillis, error))).replaceWithVoid();
    }

    /**
     * Deletes up to {@code limit} deliveries that were delivered before {@code before} (their attempts go with them) and
     * up to {@code limit} of this service's webhook events that left the outbox before then; answers how many rows went.
     * Pending deliveries and events not yet fanned out are never touched. A replay reaches back only as far as the
     * events kept.
     */
    public Uni<Integer> prune(Instant before, int limit) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        delete from webhook_deliveries where id in (
                            select id from webhook_deliveries where status = 'DELIVERED' and delivered_at < $1 limit $2)""")
                .execute(Tuple.of(at(before), limit))
                .chain(deliveries -> conn.preparedQuery("""
                                delete from outbox where seq in (
                                    select seq from outbox where delivered_at < $1 and event_type = any($2) limit $3)""")
                        .execute(Tuple.of(at(before), eventTypes, limit))
                        .map(events -> deliveries.rowCount() + events.rowCount())));
    }

    // --- the delivery log ----------------------------------------------------------------------------------------

    /** A subscription's deliveries, newest first, each with its attempts: two statements whatever the page size. */
    public Uni<Page<WebhookDeliveryView>> deliveries(UUID subscriptionId, WebhookDeliveryView.Status status, String cursor,
            int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        Object afterCreated = after.isEmpty() ? null : at(parseInstant(after.get(0)));
        Object afterId = after.isEmpty() ? null : parseUuid(after.get(1));
        return pool.preparedQuery("""
                        select id, subscription_id, event_id, event_type, contact_id, occurred_at, status, attempts,
                               next_attempt_at, delivered_at, last_status_code, last_error, replay, created_at
                        from webhook_deliveries
                        where subscription_id = $1 and ($2::text is null or status = $2)
                          and ($3::timestamptz is null or (created_at, id) < ($3, $4))
                        order by created_at desc, id desc limit $5""")
                .execute(Tuple.from(Arrays.asList(subscriptionId, status == null ? null : status.name(), afterCreated, afterId,
                        limit + 1)))
                .chain(rows -> {
                    List<Row> fetched = new ArrayList<>();
                    rows.forEach(fetched::add);
                    UUID[] ids = fetched.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
                    return attempts(ids).map(log -> Page.of(fetched, limit, r -> delivery(r, log),
                            r -> Cursor.encode(instant(r, "created_at"), r.getUUID("id"))));
                });
    }

    private Uni<Map<UUID, List<WebhookDeliveryView.Attempt>>> attempts(UUID[] deliveryIds) {
        if (deliveryIds.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select delivery_id, attempted_at, status_code, latency_ms, error from webhook_attempts "
                        + "where delivery_id = any($1) order by id")
                .execute(Tuple.of(deliveryIds)).map(rows -> {
                    Map<UUID, List<WebhookDeliveryView.Attempt>> log = new HashMap<>();
                    for (Row r : rows) {
                        log.computeIfAbsent(r.getUUID("delivery_id"), k -> new ArrayList<>())
                                .add(new WebhookDeliveryView.Attempt(instant(r, "attempted_at"), r.getInteger("status_code"),
                                        r.getLong("latency_ms"), r.getString("error")));
                    }
                    return log;
                });
    }

    private static WebhookDeliveryView delivery(Row r, Map<UUID, List<WebhookDeliveryView.Attempt>> log) {
        UUID id = r.getUUID("id");
        WebhookDeliveryView.Status status = WebhookDeliveryView.Status.valueOf(r.getString("status"));
        return new WebhookDeliveryView(id, r.getUUID("subscription_id"), r.getUUID("event_id"), r.getString("event_type"),
                r.getUUID("contact_id"), instant(r, "occurred_at"), status, r.getInteger("attempts"),
                status == WebhookDeliveryView.Status.PENDING ? instant(r, "next_attempt_at") : null, instant(r, "delivered_at"),
                r.getInteger("last_status_code"), r.getString("last_error"), r.getBoolean("replay"), log.getOrDefault(id, List.of()));
    }

    private static List<WebhookSubscriptionView> subscriptions(RowSet<Row> rows) {
        List<WebhookSubscriptionView> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(subscription(r));
        }
        return out;
    }

    private static WebhookSubscriptionView subscription(Row r) {
        return new WebhookSubscriptionView(r.getUUID("id"), r.getString("url"), r.getString("description"),
                List.of(r.getArrayOfStrings("event_types")), WebhookSubscriptionView.Status.valueOf(r.getString("status")),
                instant(r, "created_at"), r.getString("created_by"), instant(r, "updated_at"), instant(r, "failing_since"),
                previousSecretUntil(r), null);
    }

    /** When a rotated-out secret stops signing; null once it has (or when none was rotated). */
    private static Instant previousSecretUntil(Row r) {
        Instant until = instant(r, "previous_secret_until");
        return until == null || !until.isAfter(Instant.now()) ? null : until;
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw dev.rapport.platform.problem.ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }

    private static UUID parseUuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (RuntimeException e) {
            throw dev.rapport.platform.problem.ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}

-- Partner webhooks (docs/webhooks.md), the same tables as contacts-service's, read and written by platform's
-- dev.rapport.platform.webhooks. Events are written to the outbox in the same transaction as the change; the
-- dispatcher sets delivered_at once it has made one webhook_deliveries row per matching subscription. Events carry ids
-- and what changed, no personal data beyond the contact id (none at all for an anonymous response), and are kept for
-- replay.
create table outbox (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    contact_id   uuid,
    event_type   text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    delivered_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text,
    traceparent  text
);
create index outbox_pending_idx on outbox (seq) where delivered_at is null;
create index outbox_created_at_idx on outbox (created_at);

create table webhook_subscriptions (
    id            uuid primary key,
    url           text        not null,
    description   text,
    event_types   text[]      not null,
    -- the signing key (whsec_...): needed in clear to sign, never answered after registration
    secret        text        not null,
    status        text        not null check (status in ('ACTIVE', 'PAUSED', 'FAILING')),
    created_at    timestamptz not null,
    created_by    text,
    updated_at    timestamptz not null,
    failing_since timestamptz
);

create table webhook_deliveries (
    id               uuid primary key,
    subscription_id  uuid        not null references webhook_subscriptions (id) on delete cascade,
    event_id         uuid        not null,
    seq              bigint      not null,
    event_type       text        not null,
    contact_id       uuid,
    data             text        not null,
    occurred_at      timestamptz not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    first_failed_at  timestamptz,
    delivered_at     timestamptz,
    last_status_code integer,
    last_error       text,
    replay           boolean     not null default false,
    created_at       timestamptz not null
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_order_idx on webhook_deliveries (subscription_id, contact_id, seq) where status = 'PENDING';
create index webhook_deliveries_log_idx on webhook_deliveries (subscription_id, created_at desc, id desc);

create table webhook_attempts (
    id              bigserial primary key,
    delivery_id     uuid        not null references webhook_deliveries (id) on delete cascade,
    subscription_id uuid        not null,
    attempted_at    timestamptz not null,
    status_code     integer,
    latency_ms      bigint      not null,
    error           text
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, id);

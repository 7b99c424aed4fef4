-- Company rules beside each person's own policy (docs/consent.md, "Company rules"): caps per channel and/or purpose,
-- quiet dates (holidays) and quiet hours per channel, both in the person's time zone. Purposes named in
-- rapport.consent.company-rules.transactional-purposes are exempt (configuration, not data).

-- At most max_touches touches in window_days days: of one channel, of one purpose, or of one purpose on one channel.
create table company_caps (
    id           uuid primary key,
    channel      text,
    purpose      text references purposes (code),
    max_touches  integer     not null check (max_touches >= 0),
    window_days  integer     not null check (window_days between 1 and 366),
    note         text,
    version      bigint      not null default 0,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    constraint company_caps_scope check (channel is not null or purpose is not null)
);
create unique index company_caps_scope_uq on company_caps (coalesce(channel, ''), coalesce(purpose, ''));

-- Nothing is sent from start_date to end_date (inclusive, dates in the person's zone), on one channel or all (null).
create table company_quiet_dates (
    id                 uuid primary key,
    name               text        not null,
    start_date         date        not null,
    end_date           date        not null,
    channel            text,
    fallback_time_zone text,
    version            bigint      not null default 0,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    constraint company_quiet_dates_range check (end_date >= start_date)
);

-- Nothing is sent between start_time and end_time in the person's zone, on one channel or all (null): one per scope.
create table company_quiet_hours (
    id                 uuid primary key,
    channel            text,
    start_time         time        not null,
    end_time           time        not null,
    fallback_time_zone text,
    version            bigint      not null default 0,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    constraint company_quiet_hours_span check (start_time <> end_time)
);
create unique index company_quiet_hours_scope_uq on company_quiet_hours (coalesce(channel, ''));

-- Every change to a company rule: who, when, the rule before and after (JSON). Append-only, like the ledger.
create table company_rule_changes (
    id          uuid primary key,
    rule_kind   text        not null,
    rule_id     uuid        not null,
    action      text        not null,
    actor       text        not null,
    changed_at  timestamptz not null,
    before      jsonb,
    after       jsonb
);
create index company_rule_changes_rule_idx on company_rule_changes (rule_id, id);

create function company_rule_changes_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'company_rule_changes is append-only';
end $$;
create trigger company_rule_changes_append_only before update or delete on company_rule_changes
    for each row execute function company_rule_changes_append_only();

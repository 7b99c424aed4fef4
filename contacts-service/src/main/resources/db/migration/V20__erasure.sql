-- Data-subject erasure: the contact row stays (its id keeps resolving, aggregates stay attached) with every personal
-- field removed; the report is kept so a repeated erasure answers the same.
alter table contacts add column erased_at timestamptz;

create table contact_erasures (
    contact_id uuid primary key references contacts (id),
    erased_at  timestamptz not null,
    erased_by  text        not null,
    report     text        not null
);

-- Data-subject erasure: one row per person erased, with the report, so a repeated erasure answers the same.
create table erasures (
    contact_id uuid primary key,
    erased_at  timestamptz not null,
    erased_by  text        not null,
    report     text        not null
);

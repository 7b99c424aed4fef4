-- Segments: saved audiences. A FILTER segment stores search criteria, evaluated whenever it is used; a STATIC
-- segment is a list of contact ids uploaded as CSV or NDJSON. Every change of the definition (name, filter or list)
-- bumps version, and each version's definition is kept, so an audience taken from a segment can say which one it was.
create table segments (
    id          uuid primary key,
    name        text        not null,
    description text,
    kind        text        not null,
    filter      jsonb,
    version     integer     not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    deleted_at  timestamptz
);
create index segments_live_idx on segments (lower(name), id) where deleted_at is null;

create table segment_versions (
    segment_id uuid        not null references segments (id),
    version    integer     not null,
    name       text        not null,
    filter     jsonb,
    members    bigint,
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (segment_id, version)
);

-- The current list of a STATIC segment, keyed for keyset paging by contact id.
create table segment_members (
    segment_id uuid not null references segments (id),
    contact_id uuid not null references contacts (id),
    primary key (segment_id, contact_id)
);

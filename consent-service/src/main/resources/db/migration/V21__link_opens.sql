-- How many link sessions each signed link from a message has opened (the gateway refuses a link beyond its limit).
-- The link id is a random UUID the link carries: no personal data, nothing to erase.
create table link_opens (
    link_id         uuid        primary key,
    opens           integer     not null,
    first_opened_at timestamptz not null,
    last_opened_at  timestamptz not null
);
create index link_opens_first_idx on link_opens (first_opened_at);

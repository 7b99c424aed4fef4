-- A merge where the survivor already holds the merged-away contact's address keeps the survivor's point and removes
-- the other: the removed point is "folded" into the kept one. A consent event naming the removed point then covers the
-- kept point, from the merge on, while the kept point still holds the address it held then (docs/consent.md, "Merges").
-- Each fold keeps both points' address hashes as they stood at the merge (no address). contact_id is the survivor the
-- fold was made for; a later fold of the kept point carries earlier folds on to the next survivor's point as new rows,
-- so the history of every fold stays.
create table contact_point_folds (
    id                uuid primary key,
    contact_id        uuid        not null,
    folded_point_id   uuid        not null,
    folded_hash       text,
    into_point_id     uuid        not null,
    into_hash         text        not null,
    folded_at         timestamptz not null
);
create index contact_point_folds_contact_idx on contact_point_folds (contact_id);
create index contact_point_folds_into_idx on contact_point_folds (into_point_id);

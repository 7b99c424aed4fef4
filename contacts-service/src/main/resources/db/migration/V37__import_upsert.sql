-- Imports that match existing people. A contact may carry the id another system knows it by (an import's
-- external_id column); at most one contact holds a given external id (a merged-away contact keeps its own, and
-- matching follows merged_into to the survivor).
alter table contacts add column external_id text;
create unique index contacts_external_id_uq on contacts (external_id) where external_id is not null;

-- CREATE: every row is a new contact; UPSERT: a row that matches a contact (e-mail or external id) fills it.
alter table import_jobs
    add column mode         text   not null default 'CREATE',
    add column created_rows bigint not null default 0,
    add column matched_rows bigint not null default 0,
    add column updated_rows bigint not null default 0;
update import_jobs set created_rows = imported_rows;

-- What became of each row, committed with its batch: CREATED, MATCHED (nothing to add), UPDATED or ERROR (the
-- reasons are in import_errors). changed names what an UPDATED row filled or added.
create table import_outcomes (
    job_id     uuid   not null references import_jobs (id),
    line       bigint not null,
    outcome    text   not null,
    contact_id uuid,
    changed    text[],
    primary key (job_id, line)
);

-- Bulk CSV import: where a job stands in its file, committed in the same transaction as each batch of rows,
-- so a resumed job continues at exactly the first row that was not yet committed.
alter table import_jobs
    add column resume_offset bigint      not null default 0,
    add column resume_line   bigint      not null default 0,
    add column updated_at    timestamptz;

create index import_jobs_unfinished_idx on import_jobs (created_at) where status in ('QUEUED', 'RUNNING');

-- The floor of bench/import/run.sh: PostgreSQL inserting the rows the import writes (prepared by floor-rows.sql)
-- into the same tables, with their indexes, foreign keys and outbox, with no client in the way: INSERT ... SELECT,
-- one transaction on one backend. psql prints each statement's time. Rolled back: run.sh then empties the tables, so
-- the import starts from the same empty tables and nothing else ever sees these rows.
\timing on
begin;
insert into import_jobs (id, idempotency_key, file_name, file_path, file_sha256, status, total_rows, created_by,
                         created_at, updated_at, mode)
select id, 'floor', 'bench-contacts.csv', 'floor', 'floor', 'RUNNING', total_rows, 'bench', now(), now(), 'CREATE'
from floor_job;
insert into contacts (id, given_name, family_name, display_name, organisation_id, owner, lifecycle_stage, tags,
                      language, external_id, created_at, updated_at)
select * from floor_contacts;
insert into contact_points (id, contact_id, channel, address, context, provenance, provenance_source, captured_at,
                            created_at)
select * from floor_points;
insert into outbox (event_id, contact_id, event_type, payload, created_at) select * from floor_outbox;
insert into import_outcomes (job_id, line, outcome, contact_id, changed) select * from floor_outcomes;
insert into import_errors (job_id, line, field, message) select * from floor_errors;
update import_jobs j set processed_rows = f.total_rows, imported_rows = f.total_rows - f.failed_rows,
       created_rows = f.total_rows - f.failed_rows, failed_rows = f.failed_rows, status = 'COMPLETED',
       finished_at = now() from floor_job f where j.id = f.id;
\timing off
rollback;

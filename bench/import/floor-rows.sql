-- Prepares the floor of bench/import/run.sh (not timed): from the file as loaded by psql \copy into bench_copy, the
-- exact rows the import writes for it, in unlogged tables shaped like their targets: one contact per valid line, a
-- contact point per e-mail and phone (e-mails lower-cased, phones in E.164, as the import's checks give them for this
-- file), an outbox event per contact point with the same JSON, an outcome per line and an error per broken line.
-- Ids are UUIDv7-shaped and strictly increasing (the import's increase per millisecond). floor.sql then inserts them.
create function pg_temp.floor_id(kind int, n bigint) returns uuid language sql immutable
  as $$ select (lpad(to_hex((extract(epoch from timestamptz '2026-12-06') * 1000)::bigint), 12, '0') || '7'
                || lpad(to_hex(kind), 3, '0') || '8' || lpad(to_hex(n), 15, '0'))::uuid $$;
create temp table floor_lines as
  select line, given_name, family_name,
         coalesce(display_name, trim(coalesce(given_name, '') || ' ' || coalesce(family_name, ''))) as display_name,
         owner, upper(lifecycle_stage) as stage, string_to_array(tags, ';') as tags, lower(email) as email,
         coalesce(email_context, 'WORK') as email_context, lower(email_2) as email_2,
         coalesce(email_2_context, 'WORK') as email_2_context,
         case when phone is not null then '+44' || substr(replace(phone, ' ', ''), 2) end as phone,
         coalesce(phone_context, 'WORK') as phone_context,
         email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' as broken
  from bench_copy;
drop table if exists floor_job, floor_contacts, floor_points, floor_outbox, floor_outcomes, floor_errors;
create unlogged table floor_job as
  select pg_temp.floor_id(0, 1) as id, (select count(*) from floor_lines) as total_rows,
         (select count(*) from floor_lines where broken) as failed_rows;
create unlogged table floor_contacts as
  select pg_temp.floor_id(1, line) as id, given_name, family_name, display_name, null::uuid as organisation_id, owner,
         stage as lifecycle_stage, tags, null::text as language, null::text as external_id, now() as created_at,
         now() as updated_at
  from floor_lines where not broken order by line;
create unlogged table floor_points as
  select pg_temp.floor_id(2, line * 4 + slot) as id, pg_temp.floor_id(1, line) as contact_id, channel, address,
         context, 'IMPORTED'::text as provenance, 'bench-contacts.csv'::text as provenance_source,
         now() as captured_at, now() as created_at, pg_temp.floor_id(3, line * 4 + slot) as event_id
  from floor_lines r cross join lateral (values (0, 'EMAIL', r.email, r.email_context),
                                               (1, 'EMAIL', r.email_2, r.email_2_context),
                                               (2, 'PHONE', r.phone, r.phone_context)) p(slot, channel, address, context)
  where not r.broken and p.address is not null order by line, slot;
create unlogged table floor_outbox as
  select event_id, contact_id, 'contact-point-changed'::text as event_type,
         json_build_object('change', 'ADDED', 'contactId', contact_id, 'contactPointId', id, 'channel', channel,
                           'address', address, 'context', context, 'provenance', provenance,
                           'provenanceSource', provenance_source)::text as payload, now() as created_at
  from floor_points;
alter table floor_points drop column event_id;
create unlogged table floor_outcomes as
  select (select id from floor_job) as job_id, line, case when broken then 'ERROR' else 'CREATED' end as outcome,
         case when not broken then pg_temp.floor_id(1, line) end as contact_id, null::text[] as changed
  from floor_lines order by line;
create unlogged table floor_errors as
  select (select id from floor_job) as job_id, line, 'email'::text as field, 'is not an e-mail address'::text as message
  from floor_lines where broken;
analyze floor_job, floor_contacts, floor_points, floor_outbox, floor_outcomes, floor_errors;

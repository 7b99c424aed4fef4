-- Synthetic consent data for :contacts contacts (psql -v contacts=1000000 -f load-data.sql).
-- Per contact: a work e-mail (80% given by the person, 20% imported), a phone for half (bought from a vendor),
-- a newsletter grant on e-mail for 60% (one in six of those later withdrawn), a legitimate-interest objection for 5%,
-- and a policy for 20% (quiet hours in a zone, a cap). Hashes are placeholders: decisions do not read them.
-- Contact n's id is md5('contact-' || n) as a UUID, so another service's data can name the same contacts
-- (bench/segments loads contacts-service with them). Each insert statement also builds the decision projection
-- (decision_inputs) of the contacts it wrote, as any writer does (V85's statement triggers).
\set ON_ERROR_STOP on
insert into purposes (code, description, lawful_basis, created_at, updated_at) values
  ('newsletter', 'Monthly newsletter', 'CONSENT', now(), now()),
  ('sales-outreach', 'Sales follow-up', 'LEGITIMATE_INTEREST', now(), now())
on conflict do nothing;

create unlogged table bench_contacts as
  select md5('contact-' || g)::uuid as id, g from generate_series(1, :contacts) g;

insert into consent_subjects (contact_id, salt, head_seq, head_hash, created_at)
  select id, '\x00', case when g % 10 < 6 then (case when g % 6 = 0 then 2 else 1 end) else 0 end, repeat('0', 64), now()
  from bench_contacts;

insert into contact_point_facts (contact_point_id, contact_id, channel, address_hash, context, provenance, provenance_source,
                                 added_at, last_seq, updated_at)
  select gen_random_uuid(), id, 'EMAIL', md5(id::text), 'WORK',
         case when g % 5 = 0 then 'IMPORTED' else 'PROVIDED_BY_CONTACT' end, 'bench', now() - interval '400 days', 1, now()
  from bench_contacts
  union all
  select gen_random_uuid(), id, 'PHONE', md5('p' || id::text), 'PERSONAL', 'ENRICHMENT', 'vendor', now() - interval '300 days', 1, now()
  from bench_contacts where g % 2 = 0;

insert into consent_events (id, contact_id, seq, kind, purpose, channel, lawful_basis, source, form_id, actor,
                            occurred_at, recorded_at, prev_hash, hash)
  select gen_random_uuid(), id, 1, 'GRANT', 'newsletter', 'EMAIL', 'CONSENT', 'WEB_FORM', 'signup-v1', 'bench',
         now() - interval '200 days', now() - interval '200 days', repeat('0', 64), md5(id::text)
  from bench_contacts where g % 10 < 6
  union all
  select gen_random_uuid(), id, 2, 'WITHDRAW', 'newsletter', null, 'CONSENT', 'UNSUBSCRIBE_LINK', null, 'bench',
         now() - interval '20 days', now() - interval '20 days', md5(id::text), md5('w' || id::text)
  from bench_contacts where g % 10 < 6 and g % 6 = 0
  union all
  select gen_random_uuid(), id, 1, 'OBJECT', 'sales-outreach', null, 'LEGITIMATE_INTEREST', 'AGENT', null, 'bench',
         now() - interval '10 days', now() - interval '10 days', repeat('0', 64), md5('o' || id::text)
  from bench_contacts where g % 10 >= 6 and g % 20 = 7;

insert into contact_policies (contact_id, preferred_channels, quiet_start, quiet_end, time_zone, max_touches,
                              touch_window_days, do_not_contact, updated_at, updated_by)
  select id, '{EMAIL}', '22:00', '07:00', 'Europe/Amsterdam', 4, 7, g % 100 = 3, now(), 'bench'
  from bench_contacts where g % 5 = 1;

-- Vacuumed now, so autovacuum does not wake up during the measurement (and index-only scans work).
vacuum analyze;

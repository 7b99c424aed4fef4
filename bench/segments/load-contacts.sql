-- Synthetic contacts for contacts-service (psql -v contacts=1000000 -v sizes='{100000,1000000}' -f load-contacts.sql).
-- Contact n has the id md5('contact-' || n) as a UUID, the same as bench/consent/load-data.sql gives it in
-- consent-service, and the tag bench-S for every S in sizes with n <= S (a FILTER segment on tag bench-S has S
-- members), plus bench-warm-up for the first 20,000.
\set ON_ERROR_STOP on
insert into contacts (id, given_name, family_name, display_name, lifecycle_stage, tags, created_at, updated_at)
  select md5('contact-' || g)::uuid, 'Given' || g, 'Family' || g, 'Given' || g || ' Family' || g,
         (array['PROSPECT', 'LEAD', 'CUSTOMER', 'AT_RISK', 'LAPSED'])[1 + g % 5],
         array(select 'bench-' || s from unnest(:'sizes'::int[]) s where g <= s)
           || case when g <= 20000 then array['bench-warm-up'] else '{}'::text[] end,
         now() - interval '1 day' * (g % 700), now()
  from generate_series(1, :contacts) g;
vacuum analyze contacts;

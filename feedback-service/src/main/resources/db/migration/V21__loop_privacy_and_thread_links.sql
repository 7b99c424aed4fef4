-- A follow-up points at the thread its answer landed in (a NO opens one): thread_id is no longer "asked inside a
-- thread", which asked_in_thread now says. Follow-ups and threads that come from an anonymous response are marked, so
-- that nothing staff read links them to the person (docs/feedback.md, "Anonymous answers").
alter table follow_ups add column asked_in_thread boolean not null default false;
update follow_ups set asked_in_thread = true where thread_id is not null;
drop index follow_ups_action_uq;
create unique index follow_ups_action_uq on follow_ups (action_id, response_id) where not asked_in_thread;

alter table follow_ups add column anonymous boolean not null default false;
update follow_ups f set anonymous = true from responses r where r.id = f.response_id and r.anonymous;

alter table threads add column anonymous boolean not null default false;
update threads t set anonymous = true
 where exists (select 1 from follow_ups f where f.anonymous and f.initiative_id = t.initiative_id and f.contact_id = t.contact_id);

-- the first follow-up of a person on an initiative now links the thread its NO opened
update follow_ups f set thread_id = t.id from threads t
 where f.thread_id is null and f.answer in ('NO', 'PARTLY') and t.initiative_id = f.initiative_id and t.contact_id = f.contact_id;

-- A message to a person consent-service did not know yet waits (PENDING, reason not-yet-known) and is then sent under
-- a new Idempotency-Key: the first one replays consent-service's stored unknown-contact denial.
alter table outreach_messages add column request_key text;

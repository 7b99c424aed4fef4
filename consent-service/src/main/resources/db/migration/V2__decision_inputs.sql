-- Decisions: contact-point history for as-of decisions, undeliverable points, deferred outreach.

-- A bounced delivery marks its contact point undeliverable until contacts-service reports a change to the point.
-- changed_at: when the last change happened (the change's occurredAt; the bounce's time).
alter table contact_point_facts add column undeliverable_at timestamptz, add column changed_at timestamptz;

-- Every state a contact point has had, valid from when the change happened until the next change: an as-of decision
-- reads the point (provenance, address, removal, undeliverable) as it was at that instant. The first state counts
-- from the beginning of time (its added_at says since when the point exists). Written by a trigger, so no writer can
-- change a point without leaving its history; erasure deletes the history with the point.
create table contact_point_fact_versions (
    contact_point_id  uuid        not null,
    contact_id        uuid        not null,
    channel           text        not null,
    address_hash      text,
    provenance        text        not null,
    verified_at       timestamptz,
    added_at          timestamptz not null,
    removed_at        timestamptz,
    undeliverable_at  timestamptz,
    valid_from        timestamptz not null,
    valid_to          timestamptz,
    primary key (contact_point_id, valid_from)
);
create index contact_point_fact_versions_contact_idx on contact_point_fact_versions (contact_id, valid_from);

-- What was known before history was kept counts as having always been so.
insert into contact_point_fact_versions (contact_point_id, contact_id, channel, address_hash, provenance, verified_at,
                                         added_at, removed_at, valid_from)
  select contact_point_id, contact_id, channel, address_hash, provenance, verified_at, added_at, removed_at, '-infinity'
  from contact_point_facts;

create function contact_point_fact_history() returns trigger language plpgsql as $$
declare
    since timestamptz := '-infinity';
    previous timestamptz;
begin
    if tg_op = 'DELETE' then
        delete from contact_point_fact_versions where contact_point_id = old.contact_point_id;
        return old;
    end if;
    if tg_op = 'UPDATE' and (new.contact_id, new.channel, new.address_hash, new.provenance, new.verified_at, new.added_at,
                             new.removed_at, new.undeliverable_at)
                            is not distinct from
                            (old.contact_id, old.channel, old.address_hash, old.provenance, old.verified_at, old.added_at,
                             old.removed_at, old.undeliverable_at) then
        return new;
    end if;
    if tg_op = 'UPDATE' then
        -- Never in the future, never before the state it replaces: the versions of a point do not overlap.
        select max(valid_from) into previous from contact_point_fact_versions where contact_point_id = new.contact_point_id;
        since := greatest(least(coalesce(new.changed_at, now()), now()), previous);
        update contact_point_fact_versions set valid_to = since
         where contact_point_id = new.contact_point_id and valid_to is null and valid_from < since;
    end if;
    insert into contact_point_fact_versions (contact_point_id, contact_id, channel, address_hash, provenance, verified_at,
                                             added_at, removed_at, undeliverable_at, valid_from)
    values (new.contact_point_id, new.contact_id, new.channel, new.address_hash, new.provenance, new.verified_at,
            new.added_at, new.removed_at, new.undeliverable_at, since)
    on conflict (contact_point_id, valid_from) do update
       set contact_id = excluded.contact_id, channel = excluded.channel, address_hash = excluded.address_hash,
           provenance = excluded.provenance, verified_at = excluded.verified_at, added_at = excluded.added_at,
           removed_at = excluded.removed_at, undeliverable_at = excluded.undeliverable_at;
    return new;
end $$;
create trigger contact_point_fact_history after insert or update or delete on contact_point_facts
    for each row execute function contact_point_fact_history();

-- Outreach asked for in quiet hours waits in the queue until the person's quiet hours end.
alter table outreach add column not_before timestamptz;
drop index outreach_queue_idx;
create index outreach_queue_idx on outreach (channel, id) include (not_before) where status in ('QUEUED', 'LEASED');

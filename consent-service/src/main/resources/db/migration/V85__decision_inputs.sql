-- The decision projection (docs/consent.md, "How a decision is read"): every input of a decision "now" for a contact in
-- one row, so a decision now reads one or two rows by primary key (the id asked about, and its merge survivor) instead
-- of joining the ledger, the contact points, the merges, the policies and the outreach. It holds inputs only: the
-- service's decision engine decides from them exactly as from history (decisions as of an instant still read history).
--
-- Rows are written only by decision_inputs_refresh / decision_inputs_touches below, called by statement triggers on
-- every table they read, so every writer (ledger append, contact-point fact, fold, merge, policy, outreach, erasure)
-- changes the projection in its own transaction, whatever the code path. A refresh recomputes the rows of the contacts
-- a statement touched from the tables themselves (never an increment), after locking those rows: a concurrent writer
-- of the same contact waits, then recomputes from what this one committed, so no refresh overwrites a newer one.
--
-- A root row (contact_id = root_id): the contact and the contacts merged into it.
--   known, erased            a consent subject exists for the group; the root's subject is erased
--   policy columns, dnc      the root's policy; do-not-contact if any member asked for it
--   pt_*                     the group's contact points (removed ones too, as contact_point_facts holds them)
--   ev_*                     the group's ledger events of every purpose, in decision order (occurred, recorded, seq)
--   tc_*                     the root's touches (queued, leased or delivered outreach) of the last 366 days, the longest
--                            window a cap may have
--   fo_*                     the group's point folds
-- An alias row (contact_id <> root_id): a contact merged away; only root_id is set.
create table decision_inputs (
    contact_id         uuid primary key,
    root_id            uuid        not null,
    known              boolean     not null default false,
    erased             boolean     not null default false,
    preferred_channels text[],
    quiet_start        time,
    quiet_end          time,
    time_zone          text,
    max_touches        integer,
    touch_window_days  integer,
    paused_until       timestamptz,
    dnc                boolean     not null default false,
    pt_id              uuid[],
    pt_channel         text[],
    pt_hash            text[],
    pt_provenance      text[],
    pt_verified        timestamptz[],
    pt_added           timestamptz[],
    pt_removed         timestamptz[],
    pt_undeliverable   timestamptz[],
    ev_id              uuid[],
    ev_purpose         text[],
    ev_kind            text[],
    ev_channel         text[],
    ev_point           uuid[],
    ev_hash            text[],
    ev_occurred        timestamptz[],
    ev_expires         timestamptz[],
    ev_until           timestamptz[],
    tc_channel         text[],
    tc_purpose         text[],
    tc_at              timestamptz[],
    fo_from            uuid[],
    fo_from_hash       text[],
    fo_into            uuid[],
    fo_into_hash       text[],
    fo_at              timestamptz[],
    refreshed_at       timestamptz not null
);

-- Ensures a row for each id and locks them in id order (concurrent refreshes of overlapping contacts queue up). The
-- contacts' consent subjects are locked first, as a ledger append or a fact update locks them before it writes: every
-- writer takes a contact's locks in the same order, so none waits for another that waits for it.
create function decision_inputs_lock(ids uuid[]) returns void language plpgsql as $$
begin
    perform 1 from consent_subjects where contact_id = any (ids) order by contact_id for update;
    insert into decision_inputs (contact_id, root_id, refreshed_at)
      select i, i, now() from unnest(ids) i order by i on conflict do nothing;
    perform 1 from decision_inputs where contact_id = any (ids) order by contact_id for update;
end $$;

-- Recomputes the rows of these contacts and of their merge survivors from the tables.
create function decision_inputs_refresh(ids uuid[]) returns void language plpgsql as $$
declare
    survivors uuid[];
begin
    ids := array(select distinct i from unnest(ids) i where i is not null);
    if cardinality(ids) = 0 then
        return;
    end if;
    perform decision_inputs_lock(ids);
    -- read after the lock: a merge committed meanwhile is seen
    survivors := array(select distinct m.survivor_id from contact_merges m
                       where m.merged_contact_id = any (ids) and m.survivor_id <> all (ids));
    if cardinality(survivors) > 0 then
        perform decision_inputs_lock(survivors);
        ids := ids || survivors;
    end if;

    update decision_inputs d
       set root_id = m.survivor_id, known = false, erased = false, preferred_channels = null, quiet_start = null,
           quiet_end = null, time_zone = null, max_touches = null, touch_window_days = null, paused_until = null, dnc = false,
           pt_id = null, pt_channel = null, pt_hash = null, pt_provenance = null, pt_verified = null, pt_added = null,
           pt_removed = null, pt_undeliverable = null, ev_id = null, ev_purpose = null, ev_kind = null, ev_channel = null,
           ev_point = null, ev_hash = null, ev_occurred = null, ev_expires = null, ev_until = null, tc_channel = null,
           tc_purpose = null, tc_at = null, fo_from = null, fo_from_hash = null, fo_into = null, fo_into_hash = null,
           fo_at = null, refreshed_at = now()
      from contact_merges m
     where m.merged_contact_id = d.contact_id and d.contact_id = any (ids);

    with grp as (
      select i as root, array(select i union all select m.merged_contact_id from contact_merges m where m.survivor_id = i) as members
      from unnest(ids) i
      where not exists (select 1 from contact_merges m where m.merged_contact_id = i)
    )
    update decision_inputs d
       set root_id = g.root,
           known = exists (select 1 from consent_subjects s where s.contact_id = any (g.members)),
           erased = exists (select 1 from consent_subjects s where s.contact_id = g.root and s.erased_at is not null),
           (preferred_channels, quiet_start, quiet_end, time_zone, max_touches, touch_window_days, paused_until) =
             (select p.preferred_channels, p.quiet_start, p.quiet_end, p.time_zone, p.max_touches, p.touch_window_days,
                     p.paused_until
              from contact_policies p where p.contact_id = g.root),
           dnc = exists (select 1 from contact_policies p where p.contact_id = any (g.members) and p.do_not_contact),
           (pt_id, pt_channel, pt_hash, pt_provenance, pt_verified, pt_added, pt_removed, pt_undeliverable) =
             (select array_agg(f.contact_point_id order by f.added_at, f.contact_point_id),
                     array_agg(f.channel order by f.added_at, f.contact_point_id),
                     array_agg(f.address_hash order by f.added_at, f.contact_point_id),
                     array_agg(f.provenance order by f.added_at, f.contact_point_id),
                     array_agg(f.verified_at order by f.added_at, f.contact_point_id),
                     array_agg(f.added_at order by f.added_at, f.contact_point_id),
                     array_agg(f.removed_at order by f.added_at, f.contact_point_id),
                     array_agg(f.undeliverable_at order by f.added_at, f.contact_point_id)
              from contact_point_facts f where f.contact_id = any (g.members)),
           (ev_id, ev_purpose, ev_kind, ev_channel, ev_point, ev_hash, ev_occurred, ev_expires, ev_until) =
             (select array_agg(e.id order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.purpose order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.kind order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.channel order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.contact_point_id order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.point_hash order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.occurred_at order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.expires_at order by e.occurred_at, e.recorded_at, e.seq, e.id),
                     array_agg(e.until_at order by e.occurred_at, e.recorded_at, e.seq, e.id)
              from consent_events e where e.contact_id = any (g.members) and e.purpose is not null),
           (tc_channel, tc_purpose, tc_at) =
             (select array_agg(o.channel order by o.created_at, o.id), array_agg(o.purpose order by o.created_at, o.id),
                     array_agg(o.created_at order by o.created_at, o.id)
              from outreach o
              where o.contact_id = g.root and o.status in ('QUEUED', 'LEASED', 'DELIVERED')
                and o.created_at > now() - interval '366 days'),
           (fo_from, fo_from_hash, fo_into, fo_into_hash, fo_at) =
             (select array_agg(fo.folded_point_id order by fo.folded_at, fo.id), array_agg(fo.folded_hash order by fo.folded_at, fo.id),
                     array_agg(fo.into_point_id order by fo.folded_at, fo.id), array_agg(fo.into_hash order by fo.folded_at, fo.id),
                     array_agg(fo.folded_at order by fo.folded_at, fo.id)
              from contact_point_folds fo where fo.contact_id = any (g.members)),
           refreshed_at = now()
      from grp g
     where d.contact_id = g.root;
end $$;

-- Recomputes only the touches of these contacts (outreach changes; the other inputs stay as they are).
create function decision_inputs_touches(ids uuid[]) returns void language plpgsql as $$
declare
    missing uuid[];
begin
    ids := array(select distinct i from unnest(ids) i where i is not null);
    if cardinality(ids) = 0 then
        return;
    end if;
    missing := array(select i from unnest(ids) i where not exists (select 1 from decision_inputs d where d.contact_id = i));
    if cardinality(missing) > 0 then
        perform decision_inputs_refresh(missing);
    end if;
    perform decision_inputs_lock(ids);
    update decision_inputs d
       set (tc_channel, tc_purpose, tc_at) =
             (select array_agg(o.channel order by o.created_at, o.id), array_agg(o.purpose order by o.created_at, o.id),
                     array_agg(o.created_at order by o.created_at, o.id)
              from outreach o
              where o.contact_id = d.contact_id and o.status in ('QUEUED', 'LEASED', 'DELIVERED')
                and o.created_at > now() - interval '366 days'),
           refreshed_at = now()
     where d.contact_id = any (ids) and d.root_id = d.contact_id;
end $$;

-- Tables keyed by contact_id: the contacts a statement inserted, changed (before and after) or deleted.
create function decision_inputs_after_contact_rows() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform decision_inputs_refresh(array(select contact_id from new_rows));
    elsif tg_op = 'UPDATE' then
        perform decision_inputs_refresh(array(select contact_id from new_rows union select contact_id from old_rows));
    else
        perform decision_inputs_refresh(array(select contact_id from old_rows));
    end if;
    return null;
end $$;

-- A subject matters when it appears (the contact becomes known) and when it is erased; not on every ledger append.
create function decision_inputs_after_subjects() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform decision_inputs_refresh(array(select contact_id from new_rows));
    else
        perform decision_inputs_refresh(array(select n.contact_id from new_rows n join old_rows o using (contact_id)
                                              where n.erased_at is distinct from o.erased_at));
    end if;
    return null;
end $$;

create function decision_inputs_after_merges() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform decision_inputs_refresh(array(select merged_contact_id from new_rows union select survivor_id from new_rows));
    elsif tg_op = 'UPDATE' then
        perform decision_inputs_refresh(array(select merged_contact_id from new_rows union select survivor_id from new_rows
                                              union select merged_contact_id from old_rows union select survivor_id from old_rows));
    else
        perform decision_inputs_refresh(array(select merged_contact_id from old_rows union select survivor_id from old_rows));
    end if;
    return null;
end $$;

-- Outreach counts when it is a touch: inserted as one, or changed into or out of one (a lease or a delivery is not a
-- change: queued, leased and delivered are all touches).
create function decision_inputs_after_outreach() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform decision_inputs_touches(array(select contact_id from new_rows where status in ('QUEUED', 'LEASED', 'DELIVERED')));
    elsif tg_op = 'UPDATE' then
        perform decision_inputs_touches(array(
          select x.contact_id
          from new_rows n join old_rows o using (id), lateral (values (n.contact_id), (o.contact_id)) x(contact_id)
          where (n.status in ('QUEUED', 'LEASED', 'DELIVERED'), n.contact_id, n.channel, n.purpose, n.created_at)
                is distinct from (o.status in ('QUEUED', 'LEASED', 'DELIVERED'), o.contact_id, o.channel, o.purpose, o.created_at)));
    else
        perform decision_inputs_touches(array(select contact_id from old_rows where status in ('QUEUED', 'LEASED', 'DELIVERED')));
    end if;
    return null;
end $$;

create trigger decision_inputs_events_insert after insert on consent_events referencing new table as new_rows
    for each statement execute function decision_inputs_after_contact_rows();

create trigger decision_inputs_subjects_insert after insert on consent_subjects referencing new table as new_rows
    for each statement execute function decision_inputs_after_subjects();
create trigger decision_inputs_subjects_update after update on consent_subjects
    referencing old table as old_rows new table as new_rows
    for each statement execute function decision_inputs_after_subjects();

create trigger decision_inputs_points_insert after insert on contact_point_facts referencing new table as new_rows
    for each statement execute function decision_inputs_after_contact_rows();
create trigger decision_inputs_points_update after update on contact_point_facts
    referencing old table as old_rows new table as new_rows
    for each statement execute function decision_inputs_after_contact_rows();
create trigger decision_inputs_points_delete after delete on contact_point_facts referencing old table as old_rows
    for each statement execute function decision_inputs_after_contact_rows();

create trigger decision_inputs_folds_insert after insert on contact_point_folds referencing new table as new_rows
    for each statement execute function decision_inputs_after_contact_rows();
create trigger decision_inputs_folds_update after update on contact_point_folds
    referencing old table as old_rows new table as new_rows
    for each statement execute function decision_inputs_after_contact_rows();
create trigger decision_inputs_folds_delete after delete on contact_point_folds referencing old table as old_rows
    for each statement execute function decision_inputs_after_contact_rows();

create trigger decision_inputs_policies_insert after insert on contact_policies referencing new table as new_rows
    for each statement execute function decision_inputs_after_contact_rows();
create trigger decision_inputs_policies_update after update on contact_policies
    referencing old table as old_rows new table as new_rows
    for each statement execute function decision_inputs_after_contact_rows();
create trigger decision_inputs_policies_delete after delete on contact_policies referencing old table as old_rows
    for each statement execute function decision_inputs_after_contact_rows();

create trigger decision_inputs_merges_insert after insert on contact_merges referencing new table as new_rows
    for each statement execute function decision_inputs_after_merges();
create trigger decision_inputs_merges_update after update on contact_merges
    referencing old table as old_rows new table as new_rows
    for each statement execute function decision_inputs_after_merges();
create trigger decision_inputs_merges_delete after delete on contact_merges referencing old table as old_rows
    for each statement execute function decision_inputs_after_merges();

create trigger decision_inputs_outreach_insert after insert on outreach referencing new table as new_rows
    for each statement execute function decision_inputs_after_outreach();
create trigger decision_inputs_outreach_update after update on outreach
    referencing old table as old_rows new table as new_rows
    for each statement execute function decision_inputs_after_outreach();
create trigger decision_inputs_outreach_delete after delete on outreach referencing old table as old_rows
    for each statement execute function decision_inputs_after_outreach();

-- The projection of what is already stored, so an upgraded database decides from it at once.
select decision_inputs_refresh(array(
  select contact_id from consent_subjects
  union select merged_contact_id from contact_merges
  union select survivor_id from contact_merges
  union select contact_id from contact_point_facts
  union select contact_id from contact_policies
  union select contact_id from outreach where status in ('QUEUED', 'LEASED', 'DELIVERED')));

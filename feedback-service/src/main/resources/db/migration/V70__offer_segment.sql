-- A renewal offer sent to a contacts-service segment's members (among the programme's undecided members of the chosen
-- tiers): which segment, and which version of its definition.
alter table renewal_offers
    add column segment_id      uuid,
    add column segment_version integer;

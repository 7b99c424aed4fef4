-- An audience taken from a contacts-service segment: which segment, and which version of its definition.
alter table invitations
    add column segment_id      uuid,
    add column segment_version integer;

-- "Not now, until …": the person asks for no messages until an instant; decisions before it say no with the reason
-- "paused" and notBefore = that instant.
alter table contact_policies add column paused_until timestamptz;

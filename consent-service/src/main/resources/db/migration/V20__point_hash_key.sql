-- A contact point's address hash is keyed with the salt of the contact the point was first seen under, and stays so
-- when a merge moves the point to another contact: a consent event naming the point keeps the hash it was recorded
-- with, and the decision compares the two (a point moved by a merge is still covered; a changed address is not).
-- Points re-keyed before this column existed keep their survivor's key.
alter table contact_point_facts add column hash_key_contact_id uuid;
update contact_point_facts set hash_key_contact_id = contact_id;

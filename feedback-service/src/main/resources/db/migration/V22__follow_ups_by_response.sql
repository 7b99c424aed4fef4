-- Loop metrics look up, for every rating of a consultation, the follow-up sent for that response and initiative.
-- Without this index each lookup scanned every follow-up: with 500 respondents rating ~60 of 125 initiatives and
-- 2,000 follow-ups, the gateway's 2 s wait was not enough (the staff console's demo data showed it).
create index follow_ups_response_idx on follow_ups (response_id, initiative_id);

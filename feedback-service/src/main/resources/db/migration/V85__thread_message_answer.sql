-- A person's message that came with a follow-up answer ("no, because …") carries the answer as data, and its body
-- holds only what the person wrote; pages render the answer's label in the reader's language. Messages written before
-- had the answer glued to the words in English ("No: …", "Partly: …", "(no reason given)"): the prefix moves here.
-- Written to run again harmlessly (ThreadMessageAnswerMigrationTest re-runs it over old rows).
alter table thread_messages add column if not exists answer text check (answer in ('PARTLY', 'NO'));

update thread_messages set answer = 'NO', body = substr(body, length('No: ') + 1)
 where not from_staff and answer is null and body like 'No: %';
update thread_messages set answer = 'PARTLY', body = substr(body, length('Partly: ') + 1)
 where not from_staff and answer is null and body like 'Partly: %';
update thread_messages set body = '' where answer is not null and body = '(no reason given)';

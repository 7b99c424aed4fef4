-- 1000 primary-key lookups in one statement: what one bulk-decision chunk asks of the database at best.
select count(abalance) from pgbench_accounts
 where aid = any (array(select 1 + (random() * (:naccounts - 1))::int from generate_series(1, 1000)));

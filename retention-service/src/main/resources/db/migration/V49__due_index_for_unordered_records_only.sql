-- Every query that reads by due date (the sweep's claim, the due counts and pages) asks only for records not yet
-- ordered (purge_order_id is null). A partial index holds exactly those, so marking a record ordered adds no entry
-- to it, where the full index took a new one for every marked row: 12 % of a 1,000-row batch's claim and mark on
-- a million-row ledger (docs/performance.md, "Where the sweep's time goes").
drop index retention_clock_due_idx;
create index retention_clock_due_unordered_idx on retention_clock (due_at, id) where purge_order_id is null;

-- Which purge order a record is in, kept beside the ledger instead of in it. Marking a record ordered updated its
-- ledger row, and an update writes a new version of the row with a new entry in every index of the ledger: the
-- primary key, the record key and the subject key, all three random. On a million-row ledger that mark was the
-- sweep's bottleneck: 73 ms of every 1,000-row order in bench/purge-million, 108 s of a 109-s sweep
-- (docs/performance.md, "The ledger's mark"). An ordered record now gets a row here instead: one small insert,
-- deleted again when its owner reports; the ledger row itself is untouched until the record is forgotten.
create table purge_order_record (
    clock_id uuid primary key,
    order_id uuid not null
);
create index purge_order_record_order_idx on purge_order_record (order_id);
insert into purge_order_record (clock_id, order_id)
     select id, purge_order_id from retention_clock where purge_order_id is not null;

drop index retention_clock_sweep_idx;
drop index retention_clock_order_idx;
drop index retention_clock_due_unordered_idx;
alter table retention_clock drop column purge_order_id;
-- The sweep reads a category's due records in (due_at, seq) order from where its last batch ended. seq numbers the
-- rows in the order they were written (the existing ones in the order of the table), so records due at the same
-- instant are read in the order they sit on disk; a random id as the tie-break sent each 1,000-record batch to
-- about 900 different pages of the table. The due counts and pages read all categories by due date.
alter table retention_clock add column seq bigint generated always as identity;
create index retention_clock_sweep_idx on retention_clock (category, due_at, seq);
create index retention_clock_due_idx on retention_clock (due_at, id);

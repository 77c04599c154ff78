-- A relay round takes its rows in one short transaction and leases them (leased_until, by the database's clock),
-- sends them with no transaction open, then deletes what the broker acknowledged in a second short transaction
-- (docs/decisions/0050). A lease that runs out (its relay died or stalled mid-round) lets a relay take the rows
-- again: delivery stays at least once, and consumers are idempotent.
alter table outbox_event add column leased_until timestamptz;

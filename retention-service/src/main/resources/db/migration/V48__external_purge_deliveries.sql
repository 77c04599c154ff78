-- Purge orders delivered to a system outside the suite over signed HTTP (docs/external-systems.md, "Purge orders";
-- decision 0048). An order for an external owner is DELIVERING until the system takes it (2xx: SENT); the sender
-- leases the row until next_attempt_at (FOR UPDATE SKIP LOCKED), and a fault moves next_attempt_at by the backoff.
alter table purge_order add column next_attempt_at timestamptz;
-- HTTP exchanges tried for the order, faults included
alter table purge_order add column delivery_attempts integer not null default 0;
-- what the last fault was (a status code or an exception's class), never a body
alter table purge_order add column last_fault text;
-- why the order is FAILED: a refusal by the system (its HTTP status), no purge endpoint, or no report after every attempt
alter table purge_order add column failure_reason text;
create index purge_order_delivering_idx on purge_order (next_attempt_at) where status = 'DELIVERING';

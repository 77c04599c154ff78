-- A row the broker refuses for good (unknown topic, record too large, not authorised) is parked with its
-- reason instead of blocking the relay; later rows of its topic and key wait behind it until an operator
-- re-queues it (docs/decisions/0006).
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column parked_reason text;

-- The relay and the health check look for parked rows of a topic and key on every round.
create index outbox_event_parked_idx on outbox_event (topic, message_key, id) where parked_at is not null;

-- "Has this event left the outbox?" (the DSR saga asks it before counting a re-send) is a lookup by event id.
create index outbox_event_event_id_idx on outbox_event (event_id);

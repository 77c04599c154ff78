-- Shared by every service of the suite: the transactional outbox, the idempotent consumer's record of
-- handled events, and the tombstones that keep erased subjects erased.
create table outbox_event (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null
);
create index outbox_event_key_idx on outbox_event (message_key, id);

create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    reply        text,
    primary key (consumer, event_id)
);

create table erasure_tombstone (
    tombstone text        primary key,
    erased_at timestamptz not null
);

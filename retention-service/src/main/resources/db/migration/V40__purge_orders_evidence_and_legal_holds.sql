-- Retention enforced (policy art. 3): purge orders sent to the owners, the evidence of what they purged, and
-- legal holds that suspend purging. Evidence and orders hold record counts and rules, never personal data.
alter table retention_clock add column purge_order_id uuid;
create index retention_clock_sweep_idx on retention_clock (category, due_at) where purge_order_id is null;
create index retention_clock_order_idx on retention_clock (purge_order_id) where purge_order_id is not null;

create table purge_order (
    id                  uuid primary key,
    sweep_id            uuid        not null,
    service             text        not null,
    category            text        not null,
    action              text        not null,
    -- The schedule rule applied, as text ("PROSPECT: kept P3Y after COLLECTED, LAST_CONTACT, then DELETE").
    rule                text        not null,
    record_count        integer     not null,
    clock_started_up_to timestamptz not null,
    status              text        not null,
    attempts            integer     not null,
    ordered_at          timestamptz not null,
    last_sent_at        timestamptz not null,
    reported_at         timestamptz,
    purged              integer,
    already_gone        integer,
    held                integer,
    -- The exact envelope sent: a re-send reuses it, so the owner sees the same eventId and reports again.
    order_event         text        not null
);
create index purge_order_sent_idx on purge_order (last_sent_at) where status = 'SENT';
create index purge_order_status_idx on purge_order (status, ordered_at desc);

create table purge_evidence (
    id           bigint generated always as identity primary key,
    order_id     uuid        not null,
    service      text        not null,
    category     text        not null,
    action       text        not null,
    rule         text        not null,
    purged       integer     not null,
    already_gone integer     not null,
    held         integer     not null,
    ordered_at   timestamptz not null,
    reported_at  timestamptz not null
);
create index purge_evidence_reported_idx on purge_evidence (reported_at, id);

-- A hold names either a subject (by key) or one record; it suspends purging until lifted.
create table legal_hold (
    id          uuid primary key,
    subject_key text,
    category    text,
    record_id   text,
    reason      text        not null,
    placed_by   text        not null,
    placed_at   timestamptz not null,
    lifted_by   text,
    lifted_at   timestamptz,
    check ((subject_key is not null) <> (record_id is not null)),
    check ((record_id is null) = (category is null))
);
create index legal_hold_subject_idx on legal_hold (subject_key) where lifted_at is null;
create index legal_hold_record_idx on legal_hold (category, record_id) where lifted_at is null;

create table legal_hold_audit (
    id      bigint generated always as identity primary key,
    hold_id uuid        not null references legal_hold (id),
    at      timestamptz not null,
    actor   text        not null,
    event   text        not null
);
create index legal_hold_audit_hold_idx on legal_hold_audit (hold_id, id);

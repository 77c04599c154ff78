-- The ledger of when each record's retention clock runs out (policy art. 3): one row per record an owning
-- service reported, restarted by each clock event of its category and forgotten when the record is deleted.
create table retention_clock (
    id               uuid primary key,
    service          text        not null,
    category         text        not null,
    record_id        text        not null,
    subject_key      text,
    clock_event      text        not null,
    clock_started_at timestamptz not null,
    due_at           timestamptz not null,
    updated_at       timestamptz not null,
    constraint retention_clock_record_uk unique (service, category, record_id)
);
create index retention_clock_due_idx on retention_clock (due_at);
create index retention_clock_subject_idx on retention_clock (subject_key);

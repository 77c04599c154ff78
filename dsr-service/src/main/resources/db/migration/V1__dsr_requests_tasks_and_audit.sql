-- Data-subject requests (policy art. 9) and the saga that makes every participant act on them. A request
-- holds the subject's key, never the email or the names; the audit trail is the proof of compliance.
create table dsr_request (
    id            uuid primary key,
    type          text        not null,
    status        text        not null,
    subject_key   text        not null,
    visitor_ids   uuid[]      not null default '{}',
    received_at   timestamptz not null,
    due_at        timestamptz not null,
    completed_at  timestamptz,
    -- The exact envelope sent to the participants: a re-send reuses it, so participants see the same eventId.
    command_event text        not null,
    attempts      integer     not null
);
create index dsr_request_status_idx on dsr_request (status, received_at desc);
create index dsr_request_subject_idx on dsr_request (subject_key);

create table participant_task (
    request_id   uuid        not null references dsr_request (id) on delete cascade,
    service      text        not null,
    status       text        not null,
    outcome      text,
    record_count bigint,
    reason       text,
    last_sent_at timestamptz not null,
    replied_at   timestamptz,
    primary key (request_id, service)
);
create index participant_task_pending_idx on participant_task (last_sent_at) where status = 'PENDING';

create table dsr_audit (
    id         bigint generated always as identity primary key,
    request_id uuid        not null references dsr_request (id) on delete cascade,
    at         timestamptz not null,
    event      text        not null
);
create index dsr_audit_request_idx on dsr_audit (request_id, id);

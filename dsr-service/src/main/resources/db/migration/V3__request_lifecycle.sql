-- The request lifecycle (issue 8): identity first, then work; the legal clock of GDPR art. 12(3); closing keeps
-- only what proves what was done. Personal data a request must hold until it is used is sealed (AES-GCM).
alter table dsr_request
    alter column subject_key drop not null,
    alter column visitor_ids drop not null,
    -- Written when identity is verified: a request awaiting identity has sent nothing.
    alter column command_event drop not null,
    add column channel              text,
    -- RECTIFICATION: SealedExports.sealCorrections, bound to the request id; gone when the request closes.
    add column sealed_corrections   text,
    -- POST_MORTEM_DIRECTIVE: the directive and its trusted third party, sealed to the request until verified.
    add column sealed_directive     text,
    -- AUTOMATED_DECISION: the statement the controller answers with, as configured when the request came.
    add column statement            text,
    add column closed_at            timestamptz,
    add column rejection_reason     text,
    add column identity_method      text,
    add column identity_verified_at timestamptz,
    -- The legal clock: paused while identity is awaited; the pause is added to due_at when identity is verified.
    add column clock_paused_since   timestamptz,
    add column extended_months      integer,
    add column extension_reason     text,
    -- The last deadline warning the scheduled watch gave (DUE_SOON, OVERDUE), so it warns once per level.
    add column deadline_flag        text,
    add column duplicates_received  integer not null default 0,
    -- The subject's email, sealed to the request, kept only until identity is decided: a code is mailed to it.
    add column sealed_email         text,
    -- The mailed identity code: its hash, expiry and the wrong attempts so far; single use.
    add column identity_code_hash   text,
    add column identity_code_expires_at timestamptz,
    add column identity_code_attempts   integer;

update dsr_request set closed_at = completed_at where status = 'COMPLETED';

create index dsr_request_open_subject_idx on dsr_request (subject_key, type)
    where status in ('RECEIVED', 'AWAITING_IDENTITY', 'IN_PROGRESS', 'NEEDS_ATTENTION');
create index dsr_request_open_due_idx on dsr_request (due_at)
    where status in ('RECEIVED', 'AWAITING_IDENTITY', 'IN_PROGRESS', 'NEEDS_ATTENTION');

-- Post-mortem directives outlive the request that brought them: that is their point. Keyed by the subject key;
-- an erasure of the same subject deletes them.
create table post_mortem_directive (
    request_id  uuid        primary key,
    subject_key text        not null,
    sealed      text        not null,
    recorded_at timestamptz not null
);
create index post_mortem_directive_subject_idx on post_mortem_directive (subject_key);

-- The copy of an identity document the controller checked, sealed (AES-GCM, associated data = the request id);
-- deleted when the request closes.
create table identity_document (
    request_id   uuid        primary key references dsr_request (id) on delete cascade,
    content_type text        not null,
    bytes        integer     not null,
    sealed       text        not null,
    uploaded_at  timestamptz not null
);

-- The results of ACCESS and PORTABILITY requests: each participant's export, kept sealed exactly as it arrived
-- (part by part), and the window during which the controller may download what is assembled from them.
create table dsr_export_part (
    request_id  uuid        not null references dsr_request (id) on delete cascade,
    service     text        not null,
    part        integer     not null check (part >= 0),
    parts       integer     not null check (parts > 0 and part < parts),
    sealed      text        not null,
    received_at timestamptz not null,
    primary key (request_id, service, part)
);

-- One row per completed ACCESS or PORTABILITY request: its results can be downloaded until available_until;
-- deleted_at says when the scheduled job deleted the parts.
create table dsr_request_results (
    request_id      uuid primary key references dsr_request (id) on delete cascade,
    available_until timestamptz not null,
    deleted_at      timestamptz
);
create index dsr_request_results_open_idx on dsr_request_results (available_until) where deleted_at is null;

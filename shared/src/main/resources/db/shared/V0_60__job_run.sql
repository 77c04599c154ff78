-- When each scheduled job last ran on any replica of the service (shared JobLock.tryHoldOncePer): a replica whose
-- scheduler fires within the period of another's run skips it (docs/decisions/0049). Numbered 0.60 to stay clear of
-- the next shared migrations (0.4 ...) other work may add; out-of-order is on (docs/decisions/0004).
create table job_run (
    job         text primary key,
    last_run_at timestamptz not null
);

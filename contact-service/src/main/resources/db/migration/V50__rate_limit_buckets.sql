-- The per-client rate limit of the public endpoints, shared by every replica (docs/decisions/0032): one Bucket4j
-- token bucket per client. The id is a keyed hash of the client's address, never the address itself; state is
-- Bucket4j's serialized bucket; expires_at (epoch milliseconds) is when the bucket is full again and the row can go.
create table rate_limit_bucket (
    id         bigint primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);

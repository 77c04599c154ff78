-- The categories an external system has fed over the signed HTTP feed (docs/external-systems.md): a category with
-- a row is no longer reported as unfed. One row per category, no personal data.
create table external_feed (
    category          text primary key,
    system            text        not null,
    first_received_at timestamptz not null,
    last_received_at  timestamptz not null
);

-- The prospect file (policy art. 2.1 and 3): one prospect per subject, kept 3 years after collection or
-- last contact; each message sent through the contact form is a contact request of that prospect.
create table prospect (
    id              uuid primary key,
    subject_key     text        not null unique,
    civility        text,
    first_name      text        not null,
    last_name       text        not null,
    email           text        not null,
    phone           text,
    postal_address  text,
    country         char(2),
    collected_at    timestamptz not null,
    last_contact_at timestamptz not null
);

create table contact_request (
    id          uuid primary key,
    prospect_id uuid        not null references prospect (id) on delete cascade,
    subject_key text        not null,
    message     text        not null,
    visitor_id  uuid,
    received_at timestamptz not null
);
create index contact_request_subject_idx on contact_request (subject_key);

-- Each submission of the contact form is its own contact request, with its own details and retention clock.
-- A request joins the prospect file only once its address is confirmed (stranger rule, ARCHITECTURE.md §5).
alter table contact_request alter column prospect_id drop not null;
alter table contact_request drop constraint contact_request_prospect_id_fkey;
-- A prospect purged at the end of its clock leaves the requests, which keep clocks of their own.
alter table contact_request add constraint contact_request_prospect_id_fkey
    foreign key (prospect_id) references prospect (id) on delete set null;
alter table contact_request
    add column civility             text,
    add column first_name           text,
    add column last_name            text,
    add column email                text,
    add column phone                text,
    add column postal_address       text,
    add column country              char(2),
    add column language             text not null default 'fr',
    add column idempotency_key      text unique,
    add column address_confirmed_at timestamptz,
    add column minor                boolean not null default false,
    add column parent_email         text,
    add column parent_confirmed_at  timestamptz,
    add column hold_expires_at      timestamptz;
create index contact_request_hold_idx on contact_request (hold_expires_at) where parent_confirmed_at is null;

-- The newsletter (double opt-in): active only once confirmed (and, for a minor, once a parent confirmed).
create table newsletter_subscription (
    id                    uuid primary key,
    subject_key           text        not null,
    email                 text        not null,
    language              text        not null,
    status                text        not null,
    unsubscribe_token     text        not null unique,
    minor                 boolean     not null default false,
    parent_email          text,
    parent_confirmed_at   timestamptz,
    hold_expires_at       timestamptz,
    requested_at          timestamptz not null,
    confirmed_at          timestamptz,
    unsubscribed_at       timestamptz
);
-- One live subscription per subject: two first subscriptions at once make one row, never an error.
create unique index newsletter_live_subject_idx on newsletter_subscription (subject_key)
    where status in ('PENDING', 'ACTIVE');

-- Single-use tokens sent by mail; only their SHA-256 is kept.
create table confirmation_token (
    token_hash  text primary key,
    purpose     text        not null,
    record_id   uuid        not null,
    subject_key text        not null,
    expires_at  timestamptz not null
);
create index confirmation_token_subject_idx on confirmation_token (subject_key);

-- Mail waiting to be sent: written in the transaction of its cause, deleted once the SMTP server took it.
create table outgoing_mail (
    id              uuid primary key,
    subject_key     text        not null,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    unsubscribe_url text,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null
);
create index outgoing_mail_subject_idx on outgoing_mail (subject_key);

-- Persons who objected to prospecting: never enrolled again. Only the subject key is kept.
create table suppressed_subject (
    subject_key   text primary key,
    suppressed_at timestamptz not null
);

-- Restricted processing (GDPR art. 18): the subject is left out of every list, export and mailing.
create table restricted_subject (
    subject_key   text primary key,
    restricted_at timestamptz not null
);

-- The mail outbox (eu.privacysuite.mail), in the shape contact-service created in its V30. A service that sends
-- mail adds db/mail to quarkus.flyway.locations; contact-service does not (its V30 made the table and keeps its
-- data). V0_900 sorts before a service's own V1+: a database that already ran those applies it out of order.
create table if not exists outgoing_mail (
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
create index if not exists outgoing_mail_subject_idx on outgoing_mail (subject_key);

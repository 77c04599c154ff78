-- Cookie consent with proof (policy art. 11): the policy versions a visitor may consent to, the catalogue of
-- services that set cookies, each consent given as a proof kept 13 months, and which visitors identified
-- themselves as which subject.
create table policy_version (
    version      text        primary key,
    published_at timestamptz not null,
    current      boolean     not null default false
);
-- Exactly one version is current: the seed sets one, and this index forbids a second.
create unique index policy_version_one_current on policy_version (current) where current;

create table cookie_service (
    id                 text    primary key,
    name               text    not null,
    category           text    not null,
    consent_required   boolean not null,
    purpose            text    not null,
    privacy_policy_url text,
    retention          text    not null
);

create table consent_proof (
    id             uuid        primary key,
    visitor_id     uuid        not null,
    policy_version text        not null references policy_version (version),
    decisions      jsonb       not null,
    given_at       timestamptz not null,
    expires_at     timestamptz not null,
    ask_again_at   timestamptz not null,
    check (ask_again_at <= expires_at and given_at < expires_at)
);
create index consent_proof_visitor_idx on consent_proof (visitor_id, given_at desc);

create table visitor_link (
    visitor_id  uuid        not null,
    subject_key text        not null,
    linked_at   timestamptz not null,
    primary key (visitor_id, subject_key)
);
create index visitor_link_subject_idx on visitor_link (subject_key);

-- Finding and telling the people of a HIGH_RISK breach (GDPR art. 34), docs/breaches.md and docs/decisions/0039.
-- A search: the scope the controller stated, sent as a BREACH_SCOPE command on privacy.dsr.commands; the latest
-- search of a breach is its current one (a new search is allowed until the first letter is queued).
create table breach_search (
    id            uuid        primary key,
    breach_id     uuid        not null references breach (id),
    everyone      boolean     not null,
    categories    text[]      not null,
    window_from   timestamptz,
    window_until  timestamptz,
    asked_at      timestamptz not null,
    asked_by      text        not null
);
create index breach_search_breach on breach_search (breach_id, asked_at);

-- One row per participant asked: outcome null while it has not answered.
create table breach_search_answer (
    search_id    uuid        not null references breach_search (id) on delete cascade,
    service      text        not null,
    outcome      text,
    answered_at  timestamptz,
    primary key (search_id, service)
);

-- The sealed parts of an answer in several parts, held until the last arrives, then deleted.
create table breach_search_part (
    search_id    uuid        not null,
    service      text        not null,
    part         int         not null,
    parts        int         not null,
    sealed_part  text        not null,
    primary key (search_id, service, part),
    foreign key (search_id, service) references breach_search_answer (search_id, service) on delete cascade
);

-- How many people each participant holds in scope, by retention category: what the controller sees before the go.
create table breach_search_count (
    search_id    uuid        not null references breach_search (id) on delete cascade,
    service      text        not null,
    category     text        not null,
    people       int         not null,
    primary key (search_id, service, category)
);

-- One letter per person of a breach, whichever participants named them: the primary key is what makes a second
-- go, or a go again after a restart, send nobody twice. The address is sealed to the breach and subject key and
-- set to null once the letter is queued in the mail outbox (or could not be opened).
create table breach_letter (
    breach_id    uuid        not null references breach (id),
    subject_key  text        not null,
    search_id    uuid        not null references breach_search (id) on delete cascade,
    sealed_email text,
    language     text        check (language in ('fr', 'en')),
    state        text        not null check (state in ('WAITING', 'NO_ADDRESS', 'QUEUED', 'FAILED')),
    queued_at    timestamptz,
    primary key (breach_id, subject_key)
);
create index breach_letter_waiting on breach_letter (breach_id) where state = 'WAITING';

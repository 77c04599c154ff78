-- External participants (docs/external-systems.md, decision 0042): systems outside the suite that take part in
-- a request over signed HTTP. One delivery per request and external participant, written in the transaction that
-- opens the participant's task (an outbox of HTTP commands): the dispatcher sends it, retries a fault with
-- backoff, and forgets the sealed address when the request closes.
create table external_delivery (
    request_id       uuid        not null,
    participant      text        not null,
    -- the command's id: a retry by the controller sends a new one (decision 0010)
    command_id       uuid        not null,
    -- the subject's email, sealed to the request and participant; null once the request is closed
    sealed_email     text,
    -- SENDING: to be sent (again); AWAITING_CALLBACK: accepted, the answer comes later; ANSWERED
    state            text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    first_sent_at    timestamptz not null,
    -- what the last fault was (a status code or an exception's class), never a body
    last_fault       text,
    primary key (request_id, participant)
);
create index external_delivery_due on external_delivery (next_attempt_at) where state = 'SENDING';

-- Callbacks already taken, by the hash of their signature, for the replay window: a replayed callback is refused.
create table external_callback_seen (
    signature_hash  text        primary key,
    seen_at         timestamptz not null
);

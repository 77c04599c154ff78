-- Telling people what was done (policy art. 8, GDPR art. 19), docs/dsr.md "Completion letter and recipients'
-- notices". The person's language for letters (fr or en; null for a request recorded before: French); for a
-- RECTIFICATION, ERASURE or RESTRICTION the address given in the request, sealed to the request, held until the
-- completion letter is queued (or the request closes otherwise), then set to null; the controller's reason when the
-- letter was turned off for the request.
alter table dsr_request
    add column language             text check (language in ('fr', 'en')),
    add column sealed_letter_email  text,
    add column letter_off_reason    text;

-- One notice per recipient named in the policy (dsr.recipients) for each completed RECTIFICATION, ERASURE or
-- RESTRICTION (art. 19). Delivery over a channel is issue 20: until then delivered_at stays null and the notice is
-- listed in the completion summary and the audit trail for the controller to pass on.
create table dsr_recipient_notice (
    request_id   uuid        not null references dsr_request (id) on delete cascade,
    recipient    text        not null,
    name         text        not null,
    channel      text        not null,
    contact      text,
    created_at   timestamptz not null,
    delivered_at timestamptz,
    primary key (request_id, recipient)
);

-- The baseline's tables: copies of contact-service's own, in a schema of their own, so that neither the relay nor
-- the mail sender sees the baseline's rows. Same columns and indexes as the real tables.
drop schema if exists bench cascade;
create schema bench;
create table bench.contact_request (like public.contact_request including all);
create table bench.confirmation_token (like public.confirmation_token including all);
create table bench.outgoing_mail (like public.outgoing_mail including all);
create table bench.outbox_event (like public.outbox_event including all);

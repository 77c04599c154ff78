-- The baseline's tables: copies of consent-service's own, in a schema of their own, so that the relay never sees
-- the baseline's outbox rows. Same columns, indexes and foreign key to the versions as the real tables.
drop schema if exists bench cascade;
create schema bench;
create table bench.consent_proof (like public.consent_proof including all);
alter table bench.consent_proof add foreign key (site_id, policy_version) references public.policy_version (site_id, version);
create table bench.outbox_event (like public.outbox_event including all);

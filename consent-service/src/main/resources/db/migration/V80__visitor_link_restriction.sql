-- Issue 8: a subject's restriction of processing (GDPR art. 18) is recorded on their visitor links; while it is
-- set, the proofs of those visitors are kept from retention purges.
alter table visitor_link add column restricted_at timestamptz;

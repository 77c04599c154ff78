-- The one statement GET /api/consents/current runs since decision 0038: the visitor's latest valid proof (the
-- policy versions come from the replica's copy). Not bench/run's baseline (consent-read.sql is, as the issue
-- defines it); the ceiling a read that asks the database once cannot pass (docs/performance.md, "Where each goal
-- stands"). Variables: visitor.
SELECT * FROM public.consent_proof WHERE site_id = 'demo' AND visitor_id = :visitor::uuid AND expires_at > now()
  ORDER BY given_at DESC LIMIT 1;

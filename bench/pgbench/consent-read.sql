-- What GET /api/consents/current read before the versions were kept in memory, as the issue defines the baseline:
-- the visitor's latest valid proof and the site's policy versions. Variables: visitor (the same visitor wrk reads).
SELECT * FROM public.consent_proof WHERE site_id = 'demo' AND visitor_id = :visitor::uuid AND expires_at > now()
  ORDER BY given_at DESC LIMIT 1;
SELECT * FROM public.policy_version WHERE site_id = 'demo' ORDER BY published_at;

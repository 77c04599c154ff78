-- What POST /api/consents writes for a new visitor's CUSTOM choice, as the issue defines the baseline: in one
-- transaction, the per-visitor advisory lock, the read of the visitor's last proof, the proof, the outbox row (its
-- key lock and insert). The suite may do less for a new visitor; the baseline does not. Variables: version.
\set r random(1, 9000000000000000000)
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended(md5(:r::text)::uuid::text, 6));
SELECT * FROM bench.consent_proof WHERE visitor_id = md5(:r::text)::uuid ORDER BY seq DESC LIMIT 1;
INSERT INTO bench.consent_proof (id, visitor_id, policy_version, decisions, given_at, expires_at, ask_again_at,
  site_id, seq, action, banner_text_hash, language, ip_prefix, browser_family, gpc, prev_hash, hash)
  VALUES (gen_random_uuid(), md5(:r::text)::uuid, :version::text,
  '{"session": true, "facebook": false, "google-maps": false, "youtube-video": false, "authentication": true, "load-balancing": true, "google-analytics": true, "interface-customisation": true}',
  now(), now() + interval '13 months', now() + interval '6 months', 'demo', 1, 'CUSTOM',
  md5(:r::text) || md5(:r::text), 'fr', '127.0.0.0', 'other', false, null, md5(:r::text || 'h') || md5(:r::text));
SELECT pg_advisory_xact_lock(7304564, hashtext(md5(:r::text)::uuid::text));
INSERT INTO bench.outbox_event (event_id, topic, message_key, payload, created_at)
  VALUES (gen_random_uuid(), 'privacy.retention.lifecycle', md5(:r::text)::uuid::text, repeat('x', 450), now());
END;

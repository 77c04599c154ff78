-- What POST /api/contact-requests writes for a new person's form, in one transaction: the request, its
-- confirmation token, the confirmation mail in the mail outbox, and the outbox row (its key lock and insert).
\set r random(1, 9000000000000000000)
BEGIN;
INSERT INTO bench.contact_request (id, subject_key, message, received_at, civility, first_name, last_name, email,
  phone, country, language, minor)
  VALUES (md5(:r::text)::uuid, md5(:r::text || 's'), 'load test', now(), 'MS', 'Bench', 'Mark',
  'bench.' || :r || '@example.test', '+33553692200', 'FR', 'fr', false);
INSERT INTO bench.confirmation_token (token_hash, purpose, record_id, subject_key, expires_at)
  VALUES (md5(:r::text || 't'), 'CONTACT_ADDRESS', md5(:r::text)::uuid, md5(:r::text || 's'), now() + interval '2 days');
INSERT INTO bench.outgoing_mail (id, subject_key, recipient, subject, body, created_at, attempts, next_attempt_at)
  VALUES (gen_random_uuid(), md5(:r::text || 's'), 'bench.' || :r || '@example.test', 'Confirmez votre adresse',
  repeat('m', 700), now(), 0, now());
SELECT pg_advisory_xact_lock(7304564, hashtext(md5(:r::text || 's')));
INSERT INTO bench.outbox_event (event_id, topic, message_key, payload, created_at)
  VALUES (gen_random_uuid(), 'privacy.retention.lifecycle', md5(:r::text || 's'), repeat('x', 450), now());
END;

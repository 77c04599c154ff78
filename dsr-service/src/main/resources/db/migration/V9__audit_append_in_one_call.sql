-- An audit append in one call: lock the chain's head, hash the entry, insert it and move the head, which were three
-- statements from Java (each one also flushing Hibernate's persistence context first). The hash is AuditChain's and
-- V2__audit_chain.sql's recipe (docs/security.md); AuditChain.verify, in Java, stays the check that both agree.

-- A field of the hash: its UTF-8 length as 4 bytes big-endian, then its UTF-8 bytes.
create function audit_chain_field(value text) returns bytea language sql immutable parallel safe as $$
    select int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
$$;

-- The hex SHA-256 of an entry; prev_hash is null for a chain's first entry, chain_id the request's or breach's id.
create function audit_chain_hash(prev_hash text, chain_id uuid, at timestamptz, actor text, event text)
    returns text language sql immutable parallel safe as $$
    select encode(sha256(convert_to('dsr-audit-v1', 'UTF8')
        || audit_chain_field(coalesce(prev_hash, ''))
        || audit_chain_field(chain_id::text)
        -- extract returns numeric (PostgreSQL 14+): exact microseconds, independent of the session's time zone.
        || audit_chain_field(((extract(epoch from at) * 1000000)::bigint)::text)
        || audit_chain_field(actor)
        || audit_chain_field(event)), 'hex')
$$;

-- plpgsql rather than one CTE: a statement cannot update the head row its own upsert locked, and the upsert's
-- RETURNING gives only the head as it is left, not the previous hash the entry follows.
create function dsr_audit_append(request uuid, entry_at timestamptz, entry_actor text, entry_event text)
    returns bigint language plpgsql as $$
declare
    appended bigint;
    prev     text;
    entry    bigint;
    sealed   text;
begin
    -- Creates the request's head or locks it until commit: a concurrent append to the same request waits here.
    insert into dsr_audit_head as h (request_id, entries, hash) values (request, 0, '')
    on conflict (request_id) do update set entries = h.entries
    returning h.entries, nullif(h.hash, '') into appended, prev;
    sealed := audit_chain_hash(prev, request, entry_at, entry_actor, entry_event);
    insert into dsr_audit (request_id, at, actor, event, prev_hash, hash)
    values (request, entry_at, entry_actor, entry_event, prev, sealed)
    returning id into entry;
    update dsr_audit_head set entries = appended + 1, hash = sealed where request_id = request;
    return entry;
end
$$;

-- The same on a breach's trail (decision 0036: its own tables, the request's chain).
create function breach_audit_append(breach uuid, entry_at timestamptz, entry_actor text, entry_event text)
    returns bigint language plpgsql as $$
declare
    appended bigint;
    prev     text;
    entry    bigint;
    sealed   text;
begin
    insert into breach_audit_head as h (breach_id, entries, hash) values (breach, 0, '')
    on conflict (breach_id) do update set entries = h.entries
    returning h.entries, nullif(h.hash, '') into appended, prev;
    sealed := audit_chain_hash(prev, breach, entry_at, entry_actor, entry_event);
    insert into breach_audit (breach_id, at, actor, event, prev_hash, hash)
    values (breach, entry_at, entry_actor, entry_event, prev, sealed)
    returning id into entry;
    update breach_audit_head set entries = appended + 1, hash = sealed where breach_id = breach;
    return entry;
end
$$;

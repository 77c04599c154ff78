-- The audit trail is chained by hash, per request, and names who acted (docs/security.md). An entry's hash is
-- SHA-256 over 'dsr-audit-v1' and then, for each of prev_hash ('' for a request's first entry), request_id (the
-- lower-case UUID), at (microseconds since the epoch, in decimal), actor and event: the field's UTF-8 length as
-- 4 bytes big-endian, then its UTF-8 bytes. AuditChain (Java) computes the same; this migration chains the
-- entries written before, whose actor was the service itself.
alter table dsr_audit
    add column actor     text,
    add column prev_hash text,
    add column hash      text;

-- The last entry of each request's chain and how many there are, so that an entry deleted from the end shows,
-- and the row every append locks: two appends to one request take turns and cannot fork the chain.
create table dsr_audit_head (
    request_id uuid   primary key references dsr_request (id) on delete cascade,
    entries    bigint not null,
    hash       text   not null
);

create function pg_temp.audit_field(value text) returns bytea language sql immutable as $$
    select int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
$$;

do $$
declare
    entry   record;
    request uuid;
    prev    text;
    n       bigint;
begin
    for entry in select id, request_id, at, event from dsr_audit order by request_id, id loop
        if request is distinct from entry.request_id then
            if request is not null then
                insert into dsr_audit_head (request_id, entries, hash) values (request, n, prev);
            end if;
            request := entry.request_id;
            prev := null;
            n := 0;
        end if;
        update dsr_audit
           set actor = 'dsr-service',
               prev_hash = prev,
               hash = encode(sha256(convert_to('dsr-audit-v1', 'UTF8')
                   || pg_temp.audit_field(coalesce(prev, ''))
                   || pg_temp.audit_field(entry.request_id::text)
                   || pg_temp.audit_field(((extract(epoch from entry.at) * 1000000)::bigint)::text)
                   || pg_temp.audit_field('dsr-service')
                   || pg_temp.audit_field(entry.event)), 'hex')
         where id = entry.id
        returning hash into prev;
        n := n + 1;
    end loop;
    if request is not null then
        insert into dsr_audit_head (request_id, entries, hash) values (request, n, prev);
    end if;
end
$$;

alter table dsr_audit
    alter column actor set not null,
    alter column hash set not null;

-- Append-only: an entry is never changed. (Deletion stays possible: a request purged at the end of its retention
-- goes with its trail, by the foreign key's cascade.)
create function dsr_audit_refuse_update() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end
$$;
create trigger dsr_audit_append_only before update on dsr_audit
    for each row execute function dsr_audit_refuse_update();

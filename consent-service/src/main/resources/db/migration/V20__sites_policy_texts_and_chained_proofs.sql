-- Issue 6: a policy version belongs to a site and says which purposes it changed; a proof records what the
-- banner showed and how, and is chained by hash to the visitor's previous proof; signed digests (Merkle roots)
-- cover every proof, and a proof deleted lawfully (erasure, retention) leaves a record that it was.

alter table consent_proof drop constraint consent_proof_policy_version_fkey;
drop index policy_version_one_current;
alter table policy_version drop constraint policy_version_pkey;
alter table policy_version
    add column site_id          text,
    add column text             text,
    add column shown_date       date,
    add column changed_purposes jsonb not null default '[]',
    add column published_by     text;
-- The reference policy was the only version: it becomes the first version of the demo site.
update policy_version set site_id = 'demo', shown_date = date '2018-05-25',
    text = 'Reference privacy and cookie policy of 25/05/2018 (articles 1 to 11).';
alter table policy_version alter column site_id set not null;
alter table policy_version add primary key (site_id, version);
create unique index policy_version_one_current on policy_version (site_id) where current;

alter table consent_proof
    add column site_id          text,
    add column seq              integer,
    add column action           text,
    add column banner_text_hash text,
    add column language         text,
    add column ip_prefix        text,
    add column browser_family   text,
    add column gpc              boolean not null default false,
    add column prev_hash        text,
    add column hash             text;
-- Proofs stored before chaining keep a null hash: the check reports them as recorded before chains existed.
update consent_proof set site_id = 'demo', seq = 0, action = 'CUSTOM';
alter table consent_proof alter column site_id set not null, alter column seq set not null,
    alter column action set not null;
alter table consent_proof add foreign key (site_id, policy_version) references policy_version (site_id, version);
create unique index consent_proof_visitor_seq on consent_proof (visitor_id, seq) where seq > 0;
create index consent_proof_site_given_idx on consent_proof (site_id, given_at);

-- Append-only: a proof is never rewritten (deleting one is an erasure or a purge, which the digests account for).
create function consent_proof_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consent proofs are append-only';
end $$;
create trigger consent_proof_no_update before update on consent_proof
    for each row execute function consent_proof_append_only();

-- The cookies each service sets and its purpose in French, for the banner's panel.
alter table cookie_service add column cookies text not null default '', add column purpose_fr text;
update cookie_service set cookies = '_ga, _ga_*', purpose_fr = 'Statistiques de fréquentation (pages vues) pour améliorer l''ergonomie du site.' where id = 'google-analytics';
update cookie_service set cookies = '_fbp, fr', purpose_fr = 'Partager des contenus du site sur Facebook.' where id = 'facebook';
update cookie_service set cookies = 'SID, HSID', purpose_fr = 'Partager des contenus du site sur Google+.' where id = 'google-plus';
update cookie_service set cookies = 'bcookie, lidc', purpose_fr = 'Partager des contenus du site sur LinkedIn.' where id = 'linkedin';
update cookie_service set cookies = 'guest_id, personalization_id', purpose_fr = 'Partager des contenus du site sur Twitter.' where id = 'twitter';
update cookie_service set cookies = 'viadeo_*', purpose_fr = 'Partager des contenus du site sur Viadeo.' where id = 'viadeo';
update cookie_service set cookies = 'VISITOR_INFO1_LIVE, YSC', purpose_fr = 'Partager des contenus du site sur YouTube.' where id = 'youtube';
update cookie_service set cookies = 'NID, CONSENT', purpose_fr = 'Afficher des cartes Google Maps dans les pages du site.' where id = 'google-maps';
update cookie_service set cookies = 'VISITOR_INFO1_LIVE, YSC, PREF', purpose_fr = 'Lire des vidéos YouTube dans les pages du site.' where id = 'youtube-video';
update cookie_service set cookies = 'dmvk, ts, v1st', purpose_fr = 'Lire des vidéos Dailymotion dans les pages du site.' where id = 'dailymotion';
update cookie_service set cookies = '_fbp, fr', purpose_fr = 'Afficher les boutons et badges Facebook (j''aime, suivre).' where id = 'facebook-buttons';
update cookie_service set cookies = 'guest_id, personalization_id', purpose_fr = 'Afficher les boutons et badges Twitter (suivre, fil).' where id = 'twitter-buttons';
update cookie_service set cookies = 'JSESSIONID', purpose_fr = 'Garder votre session pendant que vous passez de page en page.' where id = 'session';
update cookie_service set cookies = 'auth', purpose_fr = 'Garder votre connexion aux parties du site qui demandent un compte.' where id = 'authentication';
update cookie_service set cookies = 'lb', purpose_fr = 'Envoyer vos requêtes au même serveur pendant la session.' where id = 'load-balancing';
update cookie_service set cookies = 'privacy_consent', purpose_fr = 'Retenir vos préférences d''affichage, dont vos choix de cookies.' where id = 'interface-customisation';

-- A signed digest: the Merkle root of the hashes of the proofs it covers, signed (Ed25519) by the service.
create table proof_digest (
    id           bigserial   primary key,
    made_at      timestamptz not null,
    leaf_count   integer     not null,
    merkle_root  text        not null,
    signature    text        not null,
    public_key   text        not null
);
-- Which proof is leaf n of which digest; the leaf hash stays when a proof is lawfully deleted.
create table proof_digest_leaf (
    proof_id   uuid    primary key,
    digest_id  bigint  not null references proof_digest (id),
    position   integer not null,
    leaf_hash  text    not null,
    unique (digest_id, position)
);
-- A proof deleted by an erasure or a retention purge: its id and hash only, nothing about the visitor.
create table proof_erasure (
    proof_id   uuid        primary key,
    proof_hash text,
    erased_at  timestamptz not null,
    reason     text        not null
);

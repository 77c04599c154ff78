-- Every text a visitor reads is in their language: the services' names and retention in French too (the
-- purposes have been since V20). Brand names stay as they are.
alter table cookie_service add column name_fr text, add column retention_fr text;
update cookie_service set name_fr = name;
update cookie_service set name_fr = 'Identifiant de session' where id = 'session';
update cookie_service set name_fr = 'Authentification' where id = 'authentication';
update cookie_service set name_fr = 'Répartition de charge' where id = 'load-balancing';
update cookie_service set name_fr = 'Personnalisation de l''interface' where id = 'interface-customisation';
update cookie_service set name_fr = 'Vidéos YouTube' where id = 'youtube-video';
update cookie_service set name_fr = 'Vidéos Dailymotion' where id = 'dailymotion';
update cookie_service set name_fr = 'Boutons et badges Facebook' where id = 'facebook-buttons';
update cookie_service set name_fr = 'Boutons et badges Twitter' where id = 'twitter-buttons';
update cookie_service set retention_fr = '13 mois' where retention = '13 months';
update cookie_service set retention_fr = 'jusqu''à la fermeture du navigateur' where retention = 'until the browser is closed';

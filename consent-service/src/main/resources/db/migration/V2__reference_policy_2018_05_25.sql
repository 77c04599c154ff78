-- The reference policy of 25/05/2018 and the cookie services its article 11 lists. The policy leaves the
-- issuers' links blank; the URLs below are the issuers' public cookie pages (null where the service is gone).
insert into policy_version (version, published_at, current) values ('2018-05-25', '2018-05-25T00:00:00+02:00', true);

insert into cookie_service (id, name, category, consent_required, purpose, privacy_policy_url, retention) values
-- Exempt from consent (CNIL): strictly necessary for the site, issued and managed by the Site Editor.
('session', 'Session identifier', 'ESSENTIAL', false,
 'Keeps your browsing session while you move from page to page.', null, 'until the browser is closed'),
('authentication', 'Authentication', 'ESSENTIAL', false,
 'Keeps you signed in to the parts of the site that need an account.', null, 'until the browser is closed'),
('load-balancing', 'Load balancing', 'ESSENTIAL', false,
 'Sends your requests to the same server for the length of the session.', null, 'until the browser is closed'),
('interface-customisation', 'Interface customisation', 'ESSENTIAL', false,
 'Remembers the display preferences you chose, including your cookie choices.', null, '13 months'),
-- Need prior consent: third-party persistent cookies.
('google-analytics', 'Google Analytics', 'AUDIENCE_MEASUREMENT', true,
 'Statistics on the use of the site (pages visited) to improve its ergonomics.',
 'https://policies.google.com/technologies/cookies', '13 months'),
('facebook', 'Facebook', 'SOCIAL_SHARING', true,
 'Share content of the site on Facebook.', 'https://www.facebook.com/policies/cookies/', '13 months'),
('google-plus', 'Google+', 'SOCIAL_SHARING', true,
 'Share content of the site on Google+.', null, '13 months'),
('linkedin', 'LinkedIn', 'SOCIAL_SHARING', true,
 'Share content of the site on LinkedIn.', 'https://www.linkedin.com/legal/cookie-policy', '13 months'),
('twitter', 'Twitter', 'SOCIAL_SHARING', true,
 'Share content of the site on Twitter.', 'https://help.twitter.com/rules-and-policies/twitter-cookies', '13 months'),
('viadeo', 'Viadeo', 'SOCIAL_SHARING', true,
 'Share content of the site on Viadeo.', null, '13 months'),
('youtube', 'YouTube', 'SOCIAL_SHARING', true,
 'Share content of the site on YouTube.', 'https://policies.google.com/technologies/cookies', '13 months'),
('google-maps', 'Google Maps', 'EXTERNAL_CONTENT', true,
 'Show Google Maps maps inside the site''s pages.', 'https://policies.google.com/technologies/cookies', '13 months'),
('youtube-video', 'YouTube videos', 'EXTERNAL_CONTENT', true,
 'Play YouTube videos inside the site''s pages.', 'https://policies.google.com/technologies/cookies', '13 months'),
('dailymotion', 'Dailymotion videos', 'EXTERNAL_CONTENT', true,
 'Play Dailymotion videos inside the site''s pages.', 'https://legal.dailymotion.com/en/cookie-policy/', '13 months'),
('facebook-buttons', 'Facebook buttons and badges', 'EXTERNAL_CONTENT', true,
 'Show Facebook buttons and badges (like, follow) in the site''s pages.',
 'https://www.facebook.com/policies/cookies/', '13 months'),
('twitter-buttons', 'Twitter buttons and badges', 'EXTERNAL_CONTENT', true,
 'Show Twitter buttons and badges (follow, timeline) in the site''s pages.',
 'https://help.twitter.com/rules-and-policies/twitter-cookies', '13 months');

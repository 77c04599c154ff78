/* Privacy suite cookie banner: no framework. Embed with <script src=".../banner.js" data-site="..." defer>.
   Nothing that needs consent runs before a choice; the choice lives in a first-party cookie and is read on each
   page view without calling the server, which is called when a choice is made and once after a publication. */
(function () {
  'use strict';
  var VERSIONS = "__VERSIONS__"; // per site: the policy version in force, and nothing more
  var me = document.currentScript;
  var site = me.getAttribute('data-site');
  var api = new URL(me.src).origin + '/api';
  var version = VERSIONS[site];
  var lang = /^fr/i.test(document.documentElement.lang) ? 'fr' : 'en';
  var COOKIE = 'privacy_consent';
  var T = {
    fr: {
      accept: 'Tout accepter', refuse: 'Tout refuser', custom: 'Personnaliser', save: 'Enregistrer mes choix',
      manage: 'Gestion des services', close: 'Fermer', allow: 'Autoriser', deny: 'Refuser',
      always: 'Toujours actif', cookies: 'Cookies : ', policy: 'Politique du fournisseur',
      changed: 'Notre politique a changé pour : ', placeholder: 'Ce contenu est fourni par %s, qui dépose des cookies. ',
      allowOnly: 'Autoriser %s', on: 'autorisé', off: 'refusé',
      cat: {ESSENTIAL: 'Cookies nécessaires', AUDIENCE_MEASUREMENT: "Mesure d'audience",
        SOCIAL_SHARING: 'Partage sur les réseaux sociaux', EXTERNAL_CONTENT: 'Contenus externes'}
    },
    en: {
      accept: 'Accept all', refuse: 'Refuse all', custom: 'Customize', save: 'Save my choices',
      manage: 'Service Management', close: 'Close', allow: 'Allow', deny: 'Refuse',
      always: 'Always on', cookies: 'Cookies: ', policy: "Vendor's policy",
      changed: 'Our policy changed for: ', placeholder: 'This content is provided by %s, which sets cookies. ',
      allowOnly: 'Allow %s', on: 'allowed', off: 'refused',
      cat: {ESSENTIAL: 'Strictly necessary cookies', AUDIENCE_MEASUREMENT: 'Audience measurement',
        SOCIAL_SHARING: 'Social network sharing', EXTERNAL_CONTENT: 'External content'}
    }
  }[lang];
  var CSS = '.pc-b,.pc-p{font:15px/1.45 system-ui,sans-serif;color:#1a1a1a;background:#fff;box-sizing:border-box}' +
    '.pc-b{position:fixed;left:1rem;right:1rem;bottom:1rem;max-width:44rem;margin:auto;padding:1.2rem;border:2px solid #1a1a1a;border-radius:8px;z-index:2147483646;box-shadow:0 4px 24px #0005}' +
    '.pc-b h2,.pc-p h2{font-size:1.15rem;margin:0 0 .5rem}.pc-r{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.8rem}' +
    '.pc-x{flex:1 1 10rem;font:inherit;font-weight:600;padding:.6rem 1rem;border:2px solid #0b3d91;border-radius:6px;background:#0b3d91;color:#fff;cursor:pointer}' +
    '.pc-x:focus-visible,.pc-s button:focus-visible,.pc-m:focus-visible,.pc-c:focus-visible{outline:3px solid #d35400;outline-offset:2px}' +
    '.pc-m{position:fixed;right:1rem;bottom:1rem;z-index:2147483645;font:600 14px system-ui,sans-serif;padding:.55rem .9rem;border:2px solid #fff;border-radius:20px;background:#0b3d91;color:#fff;cursor:pointer}' +
    '.pc-o{position:fixed;inset:0;background:#0008;z-index:2147483647;display:flex;align-items:center;justify-content:center}' +
    '.pc-p{width:min(42rem,94vw);max-height:90vh;overflow:auto;padding:1.2rem;border-radius:8px;position:relative}' +
    '.pc-c{position:absolute;top:.6rem;right:.6rem;font:700 1.2rem system-ui;background:none;border:0;cursor:pointer;color:#1a1a1a}' +
    '.pc-p h3{font-size:1rem;margin:1rem 0 .3rem;border-bottom:1px solid #ccc}.pc-s{padding:.5rem 0;border-bottom:1px solid #eee}' +
    '.pc-s p{margin:.2rem 0;font-size:.9rem}.pc-s a{color:#0b3d91}.pc-s button{font:inherit;font-size:.9rem;margin:.3rem .4rem 0 0;padding:.3rem .7rem;border:2px solid #0b3d91;border-radius:5px;background:#fff;color:#0b3d91;cursor:pointer}' +
    '.pc-s button[aria-pressed=true]{background:#0b3d91;color:#fff}' +
    '.pc-h{padding:1rem;border:2px dashed #555;background:#f4f4f4;color:#1a1a1a;font:15px system-ui,sans-serif}.pc-h .pc-x{flex:none;margin-top:.5rem}';

  window.dataLayer = window.dataLayer || [];
  function gtag() { window.dataLayer.push(arguments); }
  // Google Consent Mode v2: everything denied until the visitor chooses.
  gtag('consent', 'default', {ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
    analytics_storage: 'denied'});

  var choice = read();
  // Services whose consent is in question: true while the server is asked, then those of the changed purposes.
  var held = null;
  var setup = null;
  var listeners = [];
  var manageButton, lastFocus;

  function read() {
    var m = document.cookie.match(/(?:^|; )privacy_consent=([^;]*)/);
    try {
      var c = m && JSON.parse(decodeURIComponent(m[1]));
      return c && c.s === site && Date.now() < c.e ? c : null;
    } catch (e) { return null; }
  }

  function write(proof) {
    var d = {};
    Object.keys(proof.decisions).forEach(function (k) { d[k] = proof.decisions[k] ? 1 : 0; });
    choice = {t: proof.visitorToken, s: site, v: proof.policyVersion, d: d, g: proof.action,
      a: Date.parse(proof.askAgainAt), e: Date.parse(proof.expiresAt)};
    held = null;
    store();
  }

  function store() {
    // The cookie never outlives the consent it holds.
    document.cookie = COOKIE + '=' + encodeURIComponent(JSON.stringify(choice)) + '; expires=' +
      new Date(choice.e).toUTCString() + '; path=/; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
  }

  // A service whose purpose changed is neither run nor offered as allowed until the visitor answers again.
  function allowed(id) {
    return !!(choice && choice.d[id]) && held !== true && !(held && held.indexOf(id) >= 0);
  }

  function effective() {
    var d = {};
    if (choice) Object.keys(choice.d).forEach(function (k) { d[k] = allowed(k); });
    return d;
  }

  function apply() {
    var granted = allowed('google-analytics') ? 'granted' : 'denied';
    gtag('consent', 'update', {analytics_storage: granted, ad_storage: 'denied', ad_user_data: 'denied',
      ad_personalization: 'denied'});
    document.querySelectorAll('script[type="text/plain"][data-service]').forEach(function (held) {
      if (!allowed(held.getAttribute('data-service'))) return;
      var s = document.createElement('script');
      if (held.src) s.src = held.src; else s.text = held.text;
      held.parentNode.replaceChild(s, held);
    });
    document.querySelectorAll('[data-service][data-embed]').forEach(embed);
  }

  function embed(box) {
    var id = box.getAttribute('data-service'), name = box.getAttribute('data-name') || id;
    if (allowed(id)) {
      if (box.querySelector('iframe')) return;
      box.className = '';
      box.innerHTML = '';
      var f = document.createElement('iframe');
      f.src = box.getAttribute('data-embed');
      f.title = box.getAttribute('data-title') || name;
      f.width = box.getAttribute('data-width') || '560';
      f.height = box.getAttribute('data-height') || '315';
      box.appendChild(f);
    } else {
      box.className = 'pc-h';
      box.innerHTML = '';
      var p = el('p', null, T.placeholder.replace('%s', name));
      var b = button(T.allowOnly.replace('%s', name), function () { only(id); });
      box.appendChild(p);
      box.appendChild(b);
    }
  }

  function only(id) {
    var d = effective();
    d[id] = true;
    send('CUSTOM', d);
  }

  function send(action, decisions) {
    var before = effective();
    var body = {site: site, visitorToken: choice && choice.t, policyVersion: version, action: action,
      decisions: decisions || {}, language: lang};
    return post(body).then(function (r) {
      if (r.status === 403 && body.visitorToken) { body.visitorToken = null; return post(body); }
      return r;
    }).then(function (r) {
      // Published since the page loaded: the choice was not recorded, so ask again on the version in force.
      if (r.status === 409) return renew(body.policyVersion);
      if (!r.ok) throw new Error('consent not recorded: ' + r.status);
      return r.json().then(function (proof) { recorded(proof, before); });
    });
  }

  function recorded(proof, before) {
    write(proof);
    close();
    hideBanner();
    var d = api_.decisions();
    var withdrawn = Object.keys(before).some(function (k) { return before[k] && !d[k]; });
    if (!withdrawn) apply();
    // The site hears of every choice before anything else, a reload included.
    listeners.forEach(function (fn) { fn(d); });
    document.dispatchEvent(new CustomEvent('privacyconsent', {detail: d}));
    // What already ran cannot be unloaded: a withdrawn service stops with a reload.
    if (withdrawn) location.reload();
  }

  function renew(refused) {
    setup = null;
    return load().then(function (s) {
      if (s.policyVersion === refused) throw new Error('consent not recorded: 409');
      close();
      version = s.policyVersion;
      decide(true);
    });
  }

  function post(body) {
    return fetch(api + '/consents', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body), credentials: 'omit'});
  }

  function load() {
    if (setup) return Promise.resolve(setup);
    return fetch(api + '/sites/' + encodeURIComponent(site) + '/banner?lang=' + lang, {credentials: 'omit'})
      .then(function (r) { return r.json(); }).then(function (s) { setup = s; return s; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function button(text, onClick, cls) {
    var b = el('button', cls || 'pc-x', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function services(categories, filter) {
    var out = [];
    setup.categories.forEach(function (c) {
      if (!categories || categories.indexOf(c.category) >= 0) {
        c.services.forEach(function (s) { if (s.consentRequired && (!filter || filter(s))) out.push(s.id); });
      }
    });
    return out;
  }

  // The banner: Accept all, Refuse all and Customize, alike; reask limits it to the purposes a new version changed.
  function showBanner(reask) {
    load().then(function () {
      hideBanner();
      var b = el('div', 'pc-b');
      b.setAttribute('role', 'dialog');
      b.setAttribute('aria-labelledby', 'pc-t');
      b.setAttribute('aria-describedby', 'pc-d');
      b.id = 'pc-banner';
      var h = el('h2', null, setup.title);
      h.id = 'pc-t';
      h.tabIndex = -1;
      var p = el('p', null, setup.body + (reask ? ' ' + T.changed + reask.map(function (c) { return T.cat[c]; }).join(', ') + '.' : ''));
      p.id = 'pc-d';
      var row = el('div', 'pc-r');
      var some = reask ? services(reask) : null;
      row.appendChild(button(T.accept, function () { reask ? merge(some, true) : send('ACCEPT_ALL'); }));
      row.appendChild(button(T.refuse, function () { reask ? merge(some, false) : send('REFUSE_ALL'); }));
      row.appendChild(button(T.custom, function () { openPanel(); }));
      b.appendChild(h); b.appendChild(p); b.appendChild(row);
      document.body.appendChild(b);
      h.focus();
    });
  }

  function merge(ids, value) {
    var d = effective();
    ids.forEach(function (id) { d[id] = value; });
    send('CUSTOM', d);
  }

  function hideBanner() {
    var b = document.getElementById('pc-banner');
    if (b) b.remove();
  }

  // The Service Management panel: each service by category, allow or refuse, purpose, cookies, vendor's policy.
  function openPanel() {
    lastFocus = document.activeElement;
    load().then(function () {
      close();
      var pending = effective();
      var o = el('div', 'pc-o');
      o.id = 'pc-panel';
      var p = el('div', 'pc-p');
      p.setAttribute('role', 'dialog');
      p.setAttribute('aria-modal', 'true');
      p.setAttribute('aria-labelledby', 'pc-pt');
      var h = el('h2', null, T.manage);
      h.id = 'pc-pt';
      p.appendChild(h);
      p.appendChild(button('\u00d7', close, 'pc-c')).setAttribute('aria-label', T.close);
      setup.categories.forEach(function (c) {
        p.appendChild(el('h3', null, T.cat[c.category]));
        c.services.forEach(function (s) {
          var row = el('div', 'pc-s');
          row.setAttribute('data-service-row', s.id);
          row.appendChild(el('strong', null, s.name));
          row.appendChild(el('p', null, s.purpose));
          row.appendChild(el('p', null, T.cookies + s.cookies));
          if (s.privacyPolicyUrl) {
            var a = el('a', null, T.policy + ' (' + s.name + ')');
            a.href = s.privacyPolicyUrl; a.target = '_blank'; a.rel = 'noopener';
            row.appendChild(a);
          }
          if (!s.consentRequired) {
            row.appendChild(el('p', null, T.always));
          } else {
            var yes = button(T.allow, function () { set(true); }, 'pc-y');
            var no = button('\u2715 ' + T.deny, function () { set(false); }, 'pc-n');
            yes.setAttribute('aria-label', T.allow + ' ' + s.name);
            no.setAttribute('aria-label', T.deny + ' ' + s.name);
            var set = function (v) {
              pending[s.id] = v;
              yes.setAttribute('aria-pressed', String(v));
              no.setAttribute('aria-pressed', String(!v));
            };
            set(!!pending[s.id]);
            row.appendChild(el('br'));
            row.appendChild(yes); row.appendChild(no);
          }
          p.appendChild(row);
        });
      });
      var r = el('div', 'pc-r');
      var had = Object.keys(pending).some(function (k) { return pending[k]; });
      r.appendChild(button(T.accept, function () { send('ACCEPT_ALL'); }));
      r.appendChild(button(T.refuse, function () { send(had ? 'WITHDRAW' : 'REFUSE_ALL'); }));
      r.appendChild(button(T.save, function () { send('CUSTOM', pending); }));
      p.appendChild(r);
      o.appendChild(p);
      o.addEventListener('keydown', trap);
      document.body.appendChild(o);
      h.tabIndex = -1;
      h.focus();
    });
  }

  function trap(e) {
    if (e.key === 'Escape') { close(); return; }
    if (e.key !== 'Tab') return;
    var f = document.getElementById('pc-panel').querySelectorAll('button,a[href]');
    var first = f[0], last = f[f.length - 1];
    if (e.shiftKey && document.activeElement === first) { last.focus(); e.preventDefault(); }
    else if (!e.shiftKey && document.activeElement === last) { first.focus(); e.preventDefault(); }
  }

  function close() {
    var o = document.getElementById('pc-panel');
    if (!o) return;
    o.remove();
    if (lastFocus && lastFocus.focus) lastFocus.focus();
  }

  var api_ = window.PrivacyConsent = {
    open: openPanel,
    get: function (id) { return choice ? allowed(id) : undefined; },
    decisions: function () { return choice ? effective() : null; },
    onChange: function (fn) { listeners.push(fn); }
  };

  function start() {
    var s = document.createElement('style');
    s.textContent = CSS;
    document.head.appendChild(s);
    manageButton = button(T.manage, openPanel, 'pc-m');
    manageButton.id = 'pc-manage';
    document.body.appendChild(manageButton);
    if (!version) return; // unknown site: nothing runs, nothing is asked
    decide(false);
  }

  // From the cookie alone, unless a version was published since the choice: then the server says which purposes
  // changed, and their services wait for the visitor's answer. `ask`: show the banner even if nothing changed.
  function decide(ask) {
    var stale = choice && (choice.k || choice.v) !== version;
    if (stale) held = true;
    apply();
    if (!choice) {
      if (navigator.globalPrivacyControl === true) send('GPC'); else showBanner();
      return;
    }
    if (!stale) {
      if (ask || Date.now() >= choice.a) showBanner();
      return;
    }
    fetch(api + '/consents/current?site=' + encodeURIComponent(site), {headers: {'Visitor-Token': choice.t},
      credentials: 'omit'}).then(function (r) {
      if (!r.ok) throw new Error('no consent holds: ' + r.status);
      return r.json();
    }).then(function (c) {
      return load().then(function () { return c.reaskPurposes; });
    }).then(function (reask) {
      held = services(reask);
      if (!reask.length) { choice.k = version; store(); } // nothing changed for this visitor: no need to ask again
      apply();
      if (reask.length) showBanner(reask); else if (ask || Date.now() >= choice.a) showBanner();
    }, function () {
      // Erased, expired or not this service's: no choice holds, so the banner asks anew.
      choice = null;
      held = null;
      apply();
      showBanner();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

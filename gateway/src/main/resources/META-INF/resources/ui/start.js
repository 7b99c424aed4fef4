// The gateway's start page: logs a person in with the authorization code flow and PKCE (a public client, no secret),
// keeps the tokens in this tab's sessionStorage only, and opens the GraphQL UI (ui/graphiql.html), which reads the access
// token from there as its Authorization header: no token ever goes into an address. Without an identity provider (a gateway trusting the local development key) it takes a
// pasted token instead.
(function () {
  'use strict';

  const SESSION = 'rapport.session';
  const PENDING = 'rapport.pending-login';
  const RENEW_BEFORE_SECONDS = 30;
  const redirectUri = window.location.origin + window.location.pathname;
  const $ = (id) => document.getElementById(id);
  let settings;

  function show(id, visible) { $(id).hidden = !visible; }

  function problem(text) {
    $('problem').textContent = text;
    show('problem', Boolean(text));
  }

  function base64url(bytes) {
    let binary = '';
    new Uint8Array(bytes).forEach((b) => { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString() {
    const bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  function claims(jwt) {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  }

  function endpoint(name) { return settings.authServerUrl + '/protocol/openid-connect/' + name; }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(SESSION)); } catch (e) { return null; }
  }

  function save(tokens) {
    const now = Date.now() / 1000;
    const session = {
      access: tokens.access_token,
      refresh: tokens.refresh_token || null,
      idToken: tokens.id_token || null,
      expiresAt: claims(tokens.access_token).exp,
      refreshExpiresAt: tokens.refresh_expires_in ? now + tokens.refresh_expires_in : null
    };
    sessionStorage.setItem(SESSION, JSON.stringify(session));
    return session;
  }

  async function tokenRequest(form) {
    const response = await fetch(endpoint('token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form)
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error_description || body.error || ('the sign-in service answered ' + response.status));
    }
    return body;
  }

  async function login() {
    if (!window.crypto || !crypto.subtle) {
      problem('This browser offers no Web Crypto here (the page must be served over https or from localhost).');
      return;
    }
    const verifier = randomString();
    const state = randomString();
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
    window.location.assign(endpoint('auth') + '?' + new URLSearchParams({
      client_id: settings.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri,
      state, code_challenge: challenge, code_challenge_method: 'S256'
    }));
  }

  /** Back from the sign-in page: exchange the code (once, with this tab's verifier) and clean the address bar. */
  async function finishLogin(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    window.history.replaceState(null, '', redirectUri);
    if (params.get('error')) {
      throw new Error(params.get('error_description') || params.get('error'));
    }
    if (!pending || pending.state !== params.get('state')) {
      throw new Error('This sign-in was not started from this tab; log in again.');
    }
    save(await tokenRequest({
      grant_type: 'authorization_code', client_id: settings.clientId, code: params.get('code'),
      redirect_uri: redirectUri, code_verifier: pending.verifier
    }));
  }

  /** The current access token, renewed with the refresh token when it is about to expire; null when logged out. */
  async function accessToken() {
    const session = load();
    if (!session) return null;
    const now = Date.now() / 1000;
    if (session.expiresAt - now > RENEW_BEFORE_SECONDS) return session.access;
    if (session.refresh && settings.authServerUrl && (!session.refreshExpiresAt || session.refreshExpiresAt > now)) {
      try {
        const renewed = save(await tokenRequest({
          grant_type: 'refresh_token', client_id: settings.clientId, refresh_token: session.refresh
        }));
        return renewed.access;
      } catch (e) {
        problem('Your session ended (' + e.message + '); log in again.');
      }
    } else if (session.expiresAt > now) {
      return session.access;
    } else {
      problem('Your token has expired; log in again.');
    }
    sessionStorage.removeItem(SESSION);
    render();
    return null;
  }

  // The GraphQL UI page of this gateway (ui/graphiql.html) reads the token from this tab's sessionStorage, where
  // accessToken() has just put a fresh one, and the example from the key below: nothing goes into an address, so no
  // token stays in the history, a Referer or a server log.
  const EXAMPLE = 'rapport.graphiql-example';

  /** "$contact_id" in an example's variables is the caller's own contact id (the token's contact_id claim). */
  function withCaller(example, tokenClaims) {
    if (!example.variables) return example;
    const variables = {};
    Object.entries(example.variables).forEach(([name, value]) => {
      variables[name] = value === '$contact_id' ? (tokenClaims.contact_id || '') : value;
    });
    return Object.assign({}, example, { variables });
  }

  async function open(example) {
    const token = await accessToken();
    if (!token) return;
    if (example) {
      sessionStorage.setItem(EXAMPLE, JSON.stringify(withCaller(example, claims(token))));
    } else {
      sessionStorage.removeItem(EXAMPLE);
    }
    window.location.assign('ui/graphiql.html');
  }

  async function renderExamples(roles) {
    const list = $('examples');
    list.textContent = '';
    const examples = await fetch('ui/examples.json').then((r) => r.json());
    examples.filter((e) => e.roles.some((r) => roles.includes(r))).forEach((example) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = example.name;
      link.addEventListener('click', (event) => { event.preventDefault(); open(example); });
      const text = document.createElement('p');
      text.textContent = example.description;
      item.append(link, text);
      list.append(item);
    });
  }

  function render() {
    const session = load();
    show('logged-in', Boolean(session));
    show('logged-out', !session);
    show('with-login', !session && Boolean(settings.authServerUrl));
    show('with-paste', !session && !settings.authServerUrl);
    if (!session) return;
    const c = claims(session.access);
    const roles = ((c.realm_access && c.realm_access.roles) || c.groups || [])
      .filter((r) => ['admin', 'agent', 'marketer', 'analyst', 'integration', 'contact'].includes(r));
    $('who').textContent = c.preferred_username || c.sub;
    $('roles').textContent = roles.length ? 'roles: ' + roles.join(', ') : 'no Rapport role';
    $('contact').textContent = c.contact_id ? ', acting as contact ' + c.contact_id : '';
    $('until').textContent = new Date(session.expiresAt * 1000).toLocaleTimeString();
    $('renews').textContent = session.refresh ? ' and renews itself when you open the UI from here' : '';
    renderExamples(roles).catch((e) => problem('The example queries could not be loaded: ' + e.message));
  }

  function logout() {
    const session = load();
    sessionStorage.removeItem(SESSION);
    if (settings.authServerUrl && session && session.idToken) {
      window.location.assign(endpoint('logout') + '?' + new URLSearchParams({
        client_id: settings.clientId, id_token_hint: session.idToken, post_logout_redirect_uri: redirectUri
      }));
    } else {
      render();
    }
  }

  async function start() {
    settings = await fetch('ui/login-settings').then((r) => r.json());
    if (settings.webUrl) {
      $('web-app').href = settings.webUrl;
      show('web', true);
    }
    const params = new URLSearchParams(window.location.search);
    if (params.get('code') || params.get('error')) {
      await finishLogin(params).catch((e) => problem('Sign-in failed: ' + e.message));
    }
    $('login').addEventListener('click', () => login().catch((e) => problem(e.message)));
    $('with-paste').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('pasted').value.trim().replace(/^Bearer\s+/i, '');
      try {
        save({ access_token: token });
        problem('');
      } catch (e) {
        problem('That is not a JSON Web Token.');
        return;
      }
      render();
    });
    $('open-ui').addEventListener('click', () => open(null));
    $('copy-header').addEventListener('click', async () => {
      const token = await accessToken();
      if (token) await navigator.clipboard.writeText('Authorization: Bearer ' + token);
    });
    $('logout').addEventListener('click', logout);
    render();
  }

  start().catch((e) => problem('The start page could not load its settings: ' + e.message));
}());

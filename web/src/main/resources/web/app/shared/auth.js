// Who is using the pages, and the bearer token that proves it. Two ways in:
//  - logging in with Keycloak: authorization code + PKCE (S256) of the public client, the code exchanged by the page;
//  - a link from a message: /link#<token> is exchanged at the gateway (openLinkSession) for a short-lived token that
//    may do only what the link is for. The link token stays in the fragment (never sent to a server in a request line
//    or a Referer) and leaves the address bar before anything else happens.
// Either session lives in this tab's sessionStorage only; no token ever goes into a URL.
import { settings } from './settings.js';

const SESSION = 'rapport.session';
const PENDING = 'rapport.pending-login';
const RENEW_BEFORE_SECONDS = 30;
export const STAFF_ROLES = ['admin', 'agent', 'marketer', 'analyst'];
const changes = new EventTarget();

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

/** The claims of a JWT (not verified: the gateway and the services verify it; the page only reads roles and expiry). */
export function claims(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function load() {
  try { return JSON.parse(sessionStorage.getItem(SESSION)); } catch (e) { return null; }
}

function store(session) {
  if (session) sessionStorage.setItem(SESSION, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION);
  changes.dispatchEvent(new Event('change'));
  return session;
}

/** Called whenever someone logs in or out, or a session ends. */
export function onSessionChange(listener) {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

function oidcSession(tokens) {
  const now = Date.now() / 1000;
  return {
    kind: 'oidc',
    access: tokens.access_token,
    refresh: tokens.refresh_token || null,
    idToken: tokens.id_token || null,
    expiresAt: claims(tokens.access_token).exp,
    refreshExpiresAt: tokens.refresh_expires_in ? now + tokens.refresh_expires_in : null
  };
}

/** The person or staff member using the pages: { kind, roles, contactId, name, link } or null. */
export function currentUser() {
  const session = load();
  if (!session || session.expiresAt * 1000 <= Date.now() && !session.refresh) return null;
  const c = claims(session.access);
  const roles = (c.realm_access && c.realm_access.roles) || [];
  return {
    kind: session.kind,
    roles,
    staff: roles.some((r) => STAFF_ROLES.includes(r)),
    contact: roles.includes('contact'),
    contactId: c.contact_id || (session.link && session.link.contactId) || null,
    name: c.name || c.preferred_username || null,
    link: session.link || null,
    expiresAt: session.expiresAt
  };
}

export function hasAnyRole(user, roles) {
  return Boolean(user) && (!roles || roles.length === 0 || roles.some((r) => user.roles.includes(r)));
}

async function endpoint(name) {
  const s = await settings();
  return s.authServerUrl + '/protocol/openid-connect/' + name;
}

async function tokenRequest(form) {
  const response = await fetch(await endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form)
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error_description || body.error || ('HTTP ' + response.status));
  }
  return body;
}

function redirectUri() { return window.location.origin + '/'; }

export async function loginAvailable() {
  return Boolean((await settings()).authServerUrl);
}

/** Sends the browser to the sign-in page; it comes back to / and then to returnTo. */
export async function login(returnTo) {
  if (!window.crypto || !crypto.subtle) {
    throw new Error('no-web-crypto');
  }
  const s = await settings();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: returnTo || '/' }));
  const query = new URLSearchParams({
    client_id: s.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    state, code_challenge: challenge, code_challenge_method: 'S256'
  });
  const language = document.documentElement.lang;
  if (language) query.set('ui_locales', language);
  window.location.assign((await endpoint('auth')) + '?' + query);
}

/** Whether this address is the sign-in page sending the browser back (?code=…&state=… or ?error=…). */
export function isLoginReturn(location) {
  const params = new URLSearchParams(location.search);
  return location.pathname === '/' && params.has('state') && (params.has('code') || params.has('error'));
}

/** Back from the sign-in page: exchanges the code once, with this tab's verifier; answers where to go next. */
export async function finishLogin(location) {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', '/');
  if (params.get('error')) {
    throw new Error(params.get('error_description') || params.get('error'));
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('login-not-from-this-tab');
  }
  const s = await settings();
  store(oidcSession(await tokenRequest({
    grant_type: 'authorization_code', client_id: s.clientId, code: params.get('code'),
    redirect_uri: redirectUri(), code_verifier: pending.verifier
  })));
  return pending.returnTo || '/';
}

/** Reads the link token from /link#<token> and takes it out of the address (and so out of history) at once. */
export function takeLinkToken(location) {
  const token = decodeURIComponent((location.hash || '').replace(/^#/, '')).trim();
  window.history.replaceState(null, '', '/link');
  return token || null;
}

/** Keeps the session the gateway gave for a link ({ accessToken, expiresAt, action, ref, contactId, purpose }). */
export function startLinkSession(linkSession) {
  const expiresAt = linkSession.expiresAt ? Date.parse(linkSession.expiresAt) / 1000 : claims(linkSession.accessToken).exp;
  return store({
    kind: 'link',
    access: linkSession.accessToken,
    refresh: null,
    expiresAt,
    link: {
      action: linkSession.action, ref: linkSession.ref || null,
      contactId: linkSession.contactId, purpose: linkSession.purpose || null
    }
  });
}

/** The current access token, renewed with the refresh token when about to expire; null when nobody is in. */
export async function accessToken() {
  const session = load();
  if (!session) return null;
  const now = Date.now() / 1000;
  if (session.expiresAt - now > RENEW_BEFORE_SECONDS) return session.access;
  if (session.kind === 'oidc' && session.refresh && (!session.refreshExpiresAt || session.refreshExpiresAt > now)) {
    try {
      const s = await settings();
      return store(oidcSession(await tokenRequest({
        grant_type: 'refresh_token', client_id: s.clientId, refresh_token: session.refresh
      }))).access;
    } catch (e) {
      // the sign-in session ended: fall through and forget it
    }
  } else if (session.expiresAt > now) {
    return session.access;
  }
  store(null);
  return null;
}

/** Forgets the session; a Keycloak session is ended at Keycloak too (it sends the browser back to /). */
export async function logout() {
  const session = load();
  store(null);
  if (session && session.kind === 'oidc' && session.idToken) {
    const query = new URLSearchParams({ id_token_hint: session.idToken, post_logout_redirect_uri: redirectUri() });
    window.location.assign((await endpoint('logout')) + '?' + query);
  }
}

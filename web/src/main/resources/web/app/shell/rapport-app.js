// The app's frame: header with the navigation the person's roles allow, the language switch, log in / log out; the
// page for the current address below. Pages load on first use; a page that needs a role asks to log in first.
import { LitElement, html, css } from 'lit';
import { routes } from '../routes.js';
import { addRoutes, match, navigate, onRouteChange, startRouter, currentPath } from '../shared/router.js';
import { currentUser, finishLogin, hasAnyRole, isLoginReturn, login, loginAvailable, logout, onSessionChange } from '../shared/auth.js';
import { chooseLanguage, currentLanguage, initLanguage, onLanguageChange, t, LANGUAGES, formatDateTime } from '../shared/i18n.js';
import { settings } from '../shared/settings.js';
import { pageStyles } from '../shared/styles.js';

const LANGUAGE_NAMES = { en: 'English', fr: 'Français', ar: 'العربية' };

class RapportApp extends LitElement {
  static properties = {
    page: { state: true },
    problem: { state: true },
    user: { state: true },
    canLogin: { state: true }
  };

  static styles = [pageStyles, css`
    :host { display: flex; flex-direction: column; min-height: 100vh; }
    .skip { position: absolute; inset-inline-start: -999px; top: 0; background: #fff; padding: 0.5rem; z-index: 10; }
    .skip:focus { inset-inline-start: 0.5rem; }
    header {
      background: var(--rapport-surface); border-bottom: 1px solid var(--rapport-line);
      display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.5rem 1rem;
    }
    .brand { font-weight: 700; font-size: 1.15rem; color: var(--rapport-ink); text-decoration: none; margin-inline-end: auto; }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; margin: 0; padding: 0; }
    nav a { display: inline-block; padding: 0.4rem 0.2rem; min-height: 24px; }
    nav a[aria-current='page'] { font-weight: 700; color: var(--rapport-ink); }
    .tools { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    main { flex: 1; width: 100%; max-width: 60rem; margin: 0 auto; padding: 1rem; box-sizing: border-box; }
    main.wide { max-width: 80rem; } /* the staff console's tables: a desktop's width, not a reading column */
    main:focus { outline: none; }
    footer { padding: 0.75rem 1rem; font-size: 0.85rem; color: var(--rapport-muted); text-align: center; }
    @media (max-width: 480px) { header { padding: 0.5rem; } main { padding: 0.75rem 0.5rem; } }
  `];

  constructor() {
    super();
    this.page = null;
    this.problem = null;
    this.user = currentUser();
    this.canLogin = false;
    this.pageKey = null;
  }

  connectedCallback() {
    super.connectedCallback();
    addRoutes(routes);
    startRouter();
    onRouteChange(() => this.show());
    onSessionChange(() => { this.user = currentUser(); this.pageKey = null; this.show(); });
    onLanguageChange(() => this.requestUpdate());
    this.start();
  }

  async start() {
    try {
      const s = await settings();
      initLanguage(s.defaultLanguage);
      this.canLogin = await loginAvailable();
      if (isLoginReturn(window.location)) {
        const next = await finishLogin(window.location);
        navigate(next, { replace: true });
        return;
      }
    } catch (e) {
      initLanguage('en');
      this.problem = e.message === 'login-not-from-this-tab' ? t('auth.notFromThisTab') : t('auth.failed');
    }
    this.show();
  }

  async show() {
    const path = currentPath();
    const found = match(path);
    this.user = currentUser();
    if (!found) {
      this.page = html`<h1>${t('notFound.title')}</h1><p>${t('notFound.body')}</p><p><a href="/">${t('nav.home')}</a></p>`;
      this.pageKey = null;
      return;
    }
    const { route, params } = found;
    if (route.roles && !this.user) {
      this.pageKey = null;
      this.page = this.loginNeeded(path);
      return;
    }
    if (route.roles && !hasAnyRole(this.user, route.roles)) {
      this.pageKey = null;
      this.page = html`<h1>${t('forbidden.title')}</h1><p>${t('forbidden.body')}</p><p><a href="/">${t('nav.home')}</a></p>`;
      return;
    }
    const key = path + window.location.search;
    if (key === this.pageKey) return;
    this.pageKey = key;
    try {
      await route.load();
    } catch (e) {
      this.page = html`<p class="notice error" role="alert">${t('error.network')}</p>`;
      return;
    }
    if (this.pageKey !== key) return;
    const element = document.createElement(route.tag);
    element.params = params;
    this.page = element;
    await this.updateComplete;
    const main = this.renderRoot.querySelector('main');
    if (main && document.activeElement !== document.body) main.focus({ preventScroll: true });
  }

  loginNeeded(path) {
    return html`
      <h1>${t('auth.needed.title')}</h1>
      <p>${t('auth.needed.body')}</p>
      ${this.canLogin ? html`<div class="actions"><button type="button" @click=${() => this.login(path)}>${t('auth.login')}</button></div>` : ''}
      <p class="muted">${t('auth.needed.link')}</p>`;
  }

  async login(path) {
    try {
      await login(path || currentPath());
    } catch (e) {
      this.problem = t('auth.failed');
    }
  }

  async logout() {
    await logout();
    navigate('/');
  }

  navItems() {
    if (!this.user || this.user.kind !== 'oidc') return [];
    return routes.filter((r) => r.nav && hasAnyRole(this.user, r.roles));
  }

  render() {
    const path = currentPath();
    const user = this.user;
    return html`
      <a class="skip" href="#main" @click=${this.skip}>${t('shell.skip')}</a>
      <header>
        <a class="brand" href="/">Rapport</a>
        ${this.navItems().length ? html`
          <nav aria-label=${t('shell.navigation')}>
            <ul>${this.navItems().map((r) => html`
              <li><a href=${r.path} aria-current=${r.path === path ? 'page' : 'false'}>${t(r.nav)}</a></li>`)}
            </ul>
          </nav>` : ''}
        <div class="tools">
          <label>
            <span class="visually-hidden">${t('shell.language')}</span>
            <select aria-label=${t('shell.language')} @change=${(e) => chooseLanguage(e.target.value)}>
              ${LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === currentLanguage()}>${LANGUAGE_NAMES[l] || l}</option>`)}
            </select>
          </label>
          ${user
            ? html`<button type="button" class="secondary" @click=${this.logout}>${user.kind === 'link' ? t('auth.endSession') : t('auth.logout')}</button>`
            : this.canLogin ? html`<button type="button" class="secondary" @click=${() => this.login()}>${t('auth.login')}</button>` : ''}
        </div>
      </header>
      ${user && user.kind === 'link' ? html`
        <p class="notice info" role="note">${t('shell.linkSession', { until: formatDateTime(new Date(user.expiresAt * 1000)) })}</p>` : ''}
      <main id="main" tabindex="-1" class=${path.startsWith('/staff') ? 'wide' : ''}>
        ${this.problem ? html`<p class="notice error" role="alert">${this.problem}</p>` : ''}
        ${this.page}
      </main>
      <footer>${t('shell.footer')}</footer>`;
  }

  skip(event) {
    event.preventDefault();
    const main = this.renderRoot.querySelector('main');
    if (main) main.focus();
  }
}

customElements.define('rapport-app', RapportApp);

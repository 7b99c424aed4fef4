// What every page shares: it re-renders when the language changes, and says what went wrong in words, by the
// gateway's error code (docs/gateway.md).
import { LitElement, html } from 'lit';
import { onLanguageChange, t } from './i18n.js';
import { pageStyles } from './styles.js';

export class RapportPage extends LitElement {
  static styles = pageStyles;

  static properties = { params: { attribute: false } };

  connectedCallback() {
    super.connectedCallback();
    this.stopListening = onLanguageChange(() => this.requestUpdate());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.stopListening) this.stopListening();
  }
}

/** Words for an error, by its code ("forbidden", "not-found", …); the technical message stays out of the page. */
export function describeError(error) {
  const code = (error && error.code) || 'unknown';
  const key = 'error.' + code;
  const text = t(key);
  return text === key ? t('error.unknown') : text;
}

export function errorNotice(error) {
  return error ? html`<p class="notice error" role="alert">${describeError(error)}</p>` : '';
}

export function loadingNotice() {
  return html`<p class="muted" role="status">${t('common.loading')}</p>`;
}

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

/**
 * A list whose requests may overlap answers only the latest. A page loads when it opens and again when a filter, a tab
 * or a page changes; answers arrive in any order, and an earlier request's answer arriving last would replace the
 * later one's (the filter says one thing, the rows another). A request that was overtaken never settles.
 *
 *   this.rowsRequests = latest();
 *   const data = await this.rowsRequests(graphql(QUERY, variables));
 */
export function latest() {
  let current = 0;
  return (promise) => {
    const ticket = ++current;
    return new Promise((resolve, reject) => promise.then(
      (value) => { if (ticket === current) resolve(value); },
      (error) => { if (ticket === current) reject(error); }));
  };
}

/**
 * A submitted form and what it holds, read when the submit event arrives: once a handler awaits, the event has been
 * dispatched, and event.target of an event from a shadow root is then null. Also stops the browser's own submission.
 * Every form handler starts with `const { form, data } = submitted(event);`.
 */
export function submitted(event) {
  event.preventDefault();
  const form = event.target;
  return { form, data: new FormData(form) };
}

/**
 * What the API said about each field of a refused form (invalid-input naming the field): answers, per field name, the
 * attributes and the note to render beside the field. `failure` is { key, error } for the form that was sent; a form
 * with another key shows nothing. The note always exists (empty when there is nothing to say), so aria-describedby
 * always names an element; the message is the API's own.
 *
 *   const check = fieldCheck(this.failure, 'dates-new');
 *   html`<input name="endDate" aria-invalid=${check('endDate').invalid} aria-describedby=${check('endDate').id}>
 *        ${check('endDate').note}`
 */
export function fieldCheck(failure, key) {
  const messages = new Map();
  if (failure && failure.key === key && failure.error && failure.error.errors) {
    failure.error.errors.forEach((e) => ((e.extensions && e.extensions.problem && e.extensions.problem.errors) || [])
      .forEach((p) => {
        const name = String(p.field || '').split('.').pop();
        if (!messages.has(name)) messages.set(name, p.message);
      }));
  }
  return (name) => {
    const message = messages.get(name);
    const id = key + '-' + name + '-error';
    return { invalid: message ? 'true' : 'false', id,
      note: html`<span class="field-error" id=${id}>${message || ''}</span>` };
  };
}

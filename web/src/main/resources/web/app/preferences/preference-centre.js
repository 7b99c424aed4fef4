// The preference centre: what Rapport holds about the person and how they let us contact them. Reached by logging in
// (role contact) or from a PREFERENCES link in any message. Everything shown is read back from the services after
// each change.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t, usePersonLanguage } from '../shared/i18n.js';
import { PREFERENCES } from './queries.js';
import './addresses-section.js';
import './consents-section.js';
import './rules-section.js';
import './data-section.js';

class PreferenceCentre extends RapportPage {
  static properties = { ...RapportPage.properties, me: { state: true }, purposes: { state: true }, problem: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const data = await graphql(PREFERENCES);
      if (!data.me) throw Object.assign(new Error('no contact'), { code: 'not-found' });
      this.purposes = data.purposes || [];
      this.me = data.me;
      usePersonLanguage(data.me.language);
      this.problem = null;
    } catch (e) {
      this.problem = e;
    }
  }

  render() {
    if (this.problem && !this.me) return html`<h1>${t('preferences.title')}</h1>${errorNotice(this.problem)}`;
    if (!this.me) return html`<h1>${t('preferences.title')}</h1>${loadingNotice()}`;
    return html`
      <h1>${t('preferences.title')}</h1>
      <p>${t('preferences.hello', { name: this.me.displayName || '' })}</p>
      <nav aria-label=${t('preferences.sections')} class="card">
        <ul class="plain row">
          <li><a href="#addresses" @click=${this.jump}>${t('addresses.title')}</a></li>
          <li><a href="#consents" @click=${this.jump}>${t('consents.title')}</a></li>
          <li><a href="#rules" @click=${this.jump}>${t('rules.title')}</a></li>
          <li><a href="#data" @click=${this.jump}>${t('data.title')}</a></li>
        </ul>
      </nav>
      <div @changed=${this.load}>
        <section><pc-addresses .me=${this.me} .purposes=${this.purposes}></pc-addresses></section>
        <section><pc-consents .me=${this.me} .purposes=${this.purposes}></pc-consents></section>
        <section><pc-rules .me=${this.me} .purposes=${this.purposes}></pc-rules></section>
        <section><pc-data .me=${this.me} .purposes=${this.purposes}></pc-data></section>
      </div>`;
  }

  /** In-page links: the targets live in the sections' shadow roots, so scroll to them by hand. */
  jump(event) {
    event.preventDefault();
    const id = new URL(event.currentTarget.href).hash.slice(1);
    for (const section of this.renderRoot.querySelectorAll('pc-addresses, pc-consents, pc-rules, pc-data')) {
      const target = section.renderRoot.getElementById(id);
      if (target) {
        target.setAttribute('tabindex', '-1');
        target.scrollIntoView();
        target.focus({ preventScroll: true });
        return;
      }
    }
  }
}
customElements.define('rapport-preference-centre', PreferenceCentre);

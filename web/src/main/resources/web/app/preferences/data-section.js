// The person's language, a copy of everything Rapport holds about them, and erasure — with a confirmation step that
// says what goes and what stays as proof.
import { html } from 'lit';
import { PreferenceSection } from './section.js';
import { errorNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { chooseLanguage, LANGUAGES, t } from '../shared/i18n.js';
import { ERASE, EXPORT, SET_LANGUAGE } from './queries.js';

const NAMES = { en: 'English', fr: 'Français', ar: 'العربية' };

class DataSection extends PreferenceSection {
  static properties = { ...PreferenceSection.properties, confirming: { state: true }, erased: { state: true } };

  saveLanguage(form) {
    const language = form.elements.language.value;
    return this.change(async () => {
      await graphql(SET_LANGUAGE, { language });
      chooseLanguage(language);
    }, t('language.saved'));
  }

  async download() {
    await this.change(async () => {
      const data = await graphql(EXPORT, { contactId: this.me.id });
      const exp = data.exportPersonalData;
      const document = {
        contactId: exp.contactId, exportedAt: exp.exportedAt, complete: exp.complete,
        services: Object.fromEntries((exp.services || []).map((s) => [s.service,
          { complete: s.complete, error: s.error || undefined, data: s.data ? JSON.parse(s.data) : null }]))
      };
      const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
      const link = Object.assign(window.document.createElement('a'), { href: url, download: 'rapport-my-data.json' });
      window.document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      if (!exp.complete) throw Object.assign(new Error('incomplete'), { code: 'export-incomplete' });
    }, t('data.downloaded'));
  }

  erase(form) {
    if (!form.elements.understood.checked) {
      this.problem = { code: 'confirm-needed' };
      return null;
    }
    return this.change(async () => {
      const data = await graphql(ERASE, {});
      const report = Object.values(data)[0];
      this.erased = report;
      this.confirming = false;
    }, null);
  }

  render() {
    if (!this.me) return '';
    return html`
      <h2 id="language">${t('language.title')}</h2>
      <form class="row" @submit=${(e) => this.saveLanguage(submitted(e).form)}>
        <div class="field"><label for="my-language">${t('language.label')}</label>
          <select id="my-language" name="language">
            ${LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${(this.me.language || '').startsWith(l)}>${NAMES[l]}</option>`)}
          </select></div>
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t('language.save')}</button>
      </form>

      <h2 id="data">${t('data.title')}</h2>
      <p>${t('data.downloadWhat')}</p>
      <div class="actions"><button type="button" class="secondary" ?disabled=${this.busy} @click=${this.download}>${t('data.download')}</button></div>

      <h3>${t('erase.title')}</h3>
      ${this.erased ? html`<p class="notice ok" role="status">${this.erased.erased ? t('erase.done') : t('erase.partly')}</p>` : ''}
      ${this.confirming ? html`
        <form class="card" @submit=${(e) => this.erase(submitted(e).form)}>
          <p><strong>${t('erase.goes')}</strong></p>
          <p><strong>${t('erase.stays')}</strong></p>
          <p class="muted">${t('erase.final')}</p>
          <label><input type="checkbox" name="understood"> ${t('erase.understood')}</label>
          <div class="actions">
            <button type="submit" class="danger" ?disabled=${this.busy}>${t('erase.confirm')}</button>
            <button type="button" class="secondary" @click=${() => { this.confirming = false; }}>${t('common.cancel')}</button>
          </div>
        </form>` : this.erased ? '' : html`
        <p>${t('erase.intro')}</p>
        <div class="actions"><button type="button" class="secondary" @click=${() => { this.confirming = true; }}>${t('erase.start')}</button></div>`}
      <div aria-live="polite">${this.done ? html`<p class="notice ok">${this.done}</p>` : ''}</div>
      ${errorNotice(this.problem)}`;
  }
}
customElements.define('pc-data', DataSection);

// Purposes (admin): what Rapport contacts people for, with the default lawful basis; codes never change once used.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table } from '../staff/common.js';

const BASES = ['CONSENT', 'CONTRACT', 'LEGITIMATE_INTEREST'];
const LIST = '{ purposes { code description lawfulBasis version } }';

class PurposesPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { purposes: { state: true }, error: { state: true }, notice: { state: true }, editing: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.purposes = (await graphql(LIST)).purposes;
    } catch (e) {
      this.error = e;
    }
  }

  async save(event, existing) {
    const { form: formElement, data: form } = submitted(event);
    const input = { code: existing ? existing.code : String(form.get('code')).trim(), description: String(form.get('description')).trim(),
      lawfulBasis: String(form.get('lawfulBasis')) };
    try {
      if (existing) {
        await graphql(`mutation($code: String!, $in: PurposeInput!) { updatePurpose(code: $code, input: $in) { code } }`,
          { code: existing.code, in: { ...input, version: existing.version } });
      } else {
        await graphql(`mutation($in: PurposeInput!) { createPurpose(input: $in) { code } }`, { in: input });
        formElement.reset();
      }
      this.notice = t('purposes.saved', { code: input.code });
      this.editing = null;
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  form(existing) {
    return html`<form class="filters" @submit=${(e) => this.save(e, existing)}>
      ${existing ? '' : html`<label>${t('purposes.code')}<input name="code" required pattern="[a-z][a-z0-9\\-]{1,63}" size="16"></label>`}
      <label>${t('purposes.description')}<input name="description" required size="40" .value=${existing ? existing.description : ''}></label>
      <label>${t('purposes.basis')}<select name="lawfulBasis">${BASES.map((b) => html`<option value=${b}
        ?selected=${existing && existing.lawfulBasis === b}>${label('basis', b)}</option>`)}</select></label>
      <button type="submit">${existing ? t('common.save') : t('purposes.add')}</button></form>`;
  }

  render() {
    return html`
      <h1>${t('purposes.title')}</h1>
      <p class="muted">${t('purposes.intro')}</p>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${!this.purposes ? loadingNotice() : table(t('purposes.title'), [
        { title: t('purposes.code'), cell: (p) => html`<code>${p.code}</code>` },
        { title: t('purposes.description'), cell: (p) => (this.editing === p.code ? this.form(p) : html`<bdi>${p.description}</bdi>`) },
        { title: t('purposes.basis'), cell: (p) => label('basis', p.lawfulBasis) },
        { title: '', cell: (p) => (this.editing === p.code ? '' : html`<button type="button" class="secondary"
          @click=${() => { this.editing = p.code; }}>${t('purposes.edit')}</button>`) }
      ], this.purposes)}
      <section class="card"><h2>${t('purposes.new')}</h2>${this.form(null)}</section>`;
  }
}
customElements.define('rapport-purposes', PurposesPage);

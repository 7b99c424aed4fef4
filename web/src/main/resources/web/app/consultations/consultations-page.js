// Consultations: the list, and a new one with its initiatives typed or pasted one per line (125 and more).
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { navigate } from '../shared/router.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, date, num } from '../staff/common.js';

const LIST = `{ consultations(first: 100) { nodes { id title status createdAt openedAt closedAt initiatives(first: 1) { totalCount } } } }`;
const CREATE = `mutation($in: ConsultationInput!) { createConsultation(input: $in) { id } }`;

/** One initiative per non-empty line; a tab or " | " separates a description (as pasted from a spreadsheet). */
export function parseInitiatives(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
    const [title, ...rest] = line.split(/\t| \| /);
    const description = rest.join(' ').trim();
    return description ? { title: title.trim(), description } : { title: title.trim() };
  });
}

class ConsultationsPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { list: { state: true }, error: { state: true }, count: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    graphql(LIST).then((d) => { this.list = d.consultations.nodes; }).catch((e) => { this.error = e; });
  }

  async create(event) {
    const { data: form } = submitted(event);
    const initiatives = parseInitiatives(String(form.get('initiatives') || ''));
    try {
      const { createConsultation } = await graphql(CREATE, { in: { title: String(form.get('title')).trim(),
        purpose: String(form.get('purpose')).trim(), initiatives } });
      navigate('/staff/consultations/' + createConsultation.id);
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    return html`
      <h1>${t('consultations.title')}</h1>
      ${errorNotice(this.error)}
      ${!this.list ? loadingNotice() : table(t('consultations.title'), [
        { title: t('consultations.col.title'), cell: (c) => html`<a href="/staff/consultations/${c.id}"><bdi>${c.title}</bdi></a>` },
        { title: t('consultations.col.status'), cell: (c) => label('consultation', c.status) },
        { title: t('consultations.col.initiatives'), num: true, cell: (c) => num(c.initiatives.totalCount) },
        { title: t('consultations.col.created'), cell: (c) => date(c.createdAt) }
      ], this.list, t('consultations.none'))}
      <form class="card" @submit=${this.create}>
        <h2>${t('consultations.new')}</h2>
        <p><label>${t('consultations.field.title')}<br><input name="title" required maxlength="300" size="60"></label></p>
        <p><label>${t('consultations.field.purpose')}<br><textarea name="purpose" required maxlength="10000"></textarea></label></p>
        <p><label>${t('consultations.field.initiatives')}<br>
          <textarea name="initiatives" rows="10" @input=${(e) => { this.count = parseInitiatives(e.target.value).length; }}></textarea></label>
          <span class="muted" role="status">${t('consultations.initiativeCount', { n: num(this.count || 0), count: this.count || 0 })}</span></p>
        <div class="actions"><button type="submit">${t('consultations.create')}</button></div>
      </form>`;
  }
}
customElements.define('rapport-consultations', ConsultationsPage);

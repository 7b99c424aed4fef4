// Contacts: search with every filter the API has, 100 rows a page, cursor paging forward and back. The time from the
// data's arrival to the rows on screen is marked in the page (performance measure "contacts-render", from the mark
// "contacts-data" to "contacts-rendered": lit's update and the browser's next frame, style, layout and paint
// included); bench/web measures it against the goal of 100 rows in ≤ 300 ms.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted, latest } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { staffStyles, money, label, table } from '../staff/common.js';
import { pageStyles } from '../shared/styles.js';
import { filterFields, readFilter } from './filter-fields.js';

export { SIGNALS } from './filter-fields.js';

const QUERY = `query Contacts($filter: ContactFilter, $after: String) {
  contacts(filter: $filter, first: 100, after: $after) {
    nodes { id displayName owner lifecycleStage tags organisation { name }
      value { lifetimeSpend currency } signals { kind } }
    pageInfo { hasNextPage endCursor } } }`;
const ORGANISATIONS = `{ organisations(first: 100) { nodes { id name } } }`;

/** Resolves once the browser has drawn the next frame (a timer queued from requestAnimationFrame runs after it). */
function afterNextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

class ContactsPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { rows: { state: true }, error: { state: true }, loading: { state: true },
    organisations: { state: true }, hasNext: { state: true } };

  constructor() {
    super();
    this.rows = null;
    this.cursors = [null];
    this.page = 0;
    this.filter = {};
    this.organisations = [];
    this.requests = latest();
  }

  connectedCallback() {
    super.connectedCallback();
    graphql(ORGANISATIONS).then((d) => { this.organisations = d.organisations.nodes; }).catch(() => {});
    this.search();
  }

  submit(event) {
    this.filter = readFilter(submitted(event).data);
    this.cursors = [null];
    this.page = 0;
    this.search();
  }

  async search() {
    this.loading = true;
    this.error = null;
    try {
      const data = await this.requests(graphql(QUERY, { filter: this.filter, after: this.cursors[this.page] }));
      performance.mark('contacts-data');
      this.rows = data.contacts.nodes;
      this.hasNext = data.contacts.pageInfo.hasNextPage;
      this.cursors[this.page + 1] = data.contacts.pageInfo.endCursor;
      await this.updateComplete;
      await afterNextPaint();
      performance.mark('contacts-rendered');
      performance.measure('contacts-render', 'contacts-data', 'contacts-rendered');
      this.dataset.rendered = String(this.rows.length);
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  go(delta) {
    this.page = Math.max(0, this.page + delta);
    this.search();
  }

  render() {
    return html`
      <h1>${t('contacts.title')}</h1>
      <form class="filters card" role="search" @submit=${this.submit}>
        ${filterFields(this.organisations)}
        <button type="submit">${t('contacts.search')}</button>
      </form>
      ${errorNotice(this.error)}
      ${this.loading && !this.rows ? loadingNotice() : ''}
      ${this.rows ? this.results() : ''}`;
  }

  results() {
    return html`
      <p class="muted" role="status">${t('contacts.page', { page: this.page + 1, count: this.rows.length })}</p>
      ${table(t('contacts.title'), [
        { title: t('contacts.col.name'), cell: (c) => html`<a href="/staff/contacts/${c.id}"><bdi>${c.displayName}</bdi></a>` },
        { title: t('contacts.col.organisation'), cell: (c) => (c.organisation ? html`<bdi>${c.organisation.name}</bdi>` : '') },
        { title: t('contacts.col.stage'), cell: (c) => label('stage', c.lifecycleStage) },
        { title: t('contacts.col.owner'), cell: (c) => c.owner || '' },
        { title: t('contacts.col.value'), num: true, cell: (c) => (c.value ? money(c.value.lifetimeSpend, c.value.currency) : '–') },
        { title: t('contacts.col.signals'), cell: (c) => (c.signals || []).map((s) => html`<span class="tag">${label('signal', s.kind)}</span> `) },
        { title: t('contacts.col.tags'), cell: (c) => (c.tags || []).join(', ') }
      ], this.rows, t('contacts.none'))}
      <div class="pager">
        <button class="secondary" ?disabled=${this.page === 0 || this.loading} @click=${() => this.go(-1)}>${t('staff.previous')}</button>
        <button class="secondary" ?disabled=${!this.hasNext || this.loading} @click=${() => this.go(1)}>${t('staff.next')}</button>
      </div>`;
  }
}
customElements.define('rapport-contacts', ContactsPage);

// Cases, measured by outcome: open → resolved (by staff) → confirmed by the customer, or reopened. The figures count a
// case as resolved only once the customer confirmed it.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, latest } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, date, num, pct, monthStart } from '../staff/common.js';

const STATUSES = ['OPEN', 'RESOLVED', 'CONFIRMED'];
const QUERY = `query Cases($status: CaseStatus, $assignee: String, $after: String, $from: DateTime, $to: DateTime) {
  cases(status: $status, assignee: $assignee, first: 50, after: $after) {
    nodes { id contactId contact { displayName } problem channel status assignee openedAt resolvedAt confirmedAt reopenCount }
    pageInfo { hasNextPage endCursor } }
  caseMetrics(from: $from, to: $to) { opened resolvedAndConfirmed shareResolvedAndConfirmed awaitingConfirmation open
    medianHoursToConfirmedResolution reopenRate firstContactResolutionRate } }`;
const STEP = {
  resolve: `mutation($id: ID!, $in: CaseResolutionInput!) { resolveCase(id: $id, input: $in) { id status } }`,
  confirm: `mutation($id: ID!, $in: CaseConfirmationInput!) { confirmCase(id: $id, input: $in) { id status } }`,
  reopen: `mutation($id: ID!, $in: CaseReopeningInput!) { reopenCase(id: $id, input: $in) { id status } }`
};

class CasesPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { cases: { state: true }, metrics: { state: true }, error: { state: true }, status: { state: true },
    hasNext: { state: true }, notice: { state: true } };

  constructor() {
    super();
    this.status = 'OPEN';
    this.requests = latest();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load(after = null) {
    try {
      const data = await this.requests(graphql(QUERY, { status: this.status || null, assignee: null, after,
        from: monthStart(5), to: new Date(Date.now() + 86400000).toISOString() }));
      this.cases = after ? [...this.cases, ...data.cases.nodes] : data.cases.nodes;
      this.cursor = data.cases.pageInfo.endCursor;
      this.hasNext = data.cases.pageInfo.hasNextPage;
      this.metrics = data.caseMetrics;
    } catch (e) {
      this.error = e;
    }
  }

  async step(c, kind) {
    const note = kind === 'confirm' ? null : window.prompt(t('cases.note.' + kind));
    if (kind !== 'confirm' && !note) return;
    const input = kind === 'resolve' ? { note, onFirstContact: false } : kind === 'reopen' ? { note } : { outcome: 'CONFIRMED' };
    try {
      await graphql(STEP[kind], { id: c.id, in: input });
      this.notice = t('cases.done.' + kind);
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  show(status) {
    this.status = status;
    this.cases = null;
    this.load();
  }

  render() {
    return html`
      <h1>${t('cases.title')}</h1>
      ${this.metrics ? this.figures(this.metrics) : ''}
      <div class="tabs" role="group" aria-label=${t('cases.filter')}>
        ${[...STATUSES, ''].map((s) => html`<button type="button" class=${s === this.status ? '' : 'secondary'}
          aria-pressed=${s === this.status ? 'true' : 'false'} @click=${() => this.show(s)}>${s ? label('case', s) : t('contacts.any')}</button>`)}
      </div>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${!this.cases ? loadingNotice() : table(t('cases.title'), [
        { title: t('cases.col.problem'), cell: (c) => html`<bdi>${c.problem}</bdi>` },
        { title: t('cases.col.customer'), cell: (c) => html`<a href="/staff/contacts/${c.contactId}"><bdi>${c.contact ? c.contact.displayName : t('outreach.open')}</bdi></a>` },
        { title: t('cases.col.status'), cell: (c) => html`${label('case', c.status)}${c.reopenCount ? html` <span class="tag">${t('cases.reopened', { n: c.reopenCount })}</span>` : ''}` },
        { title: t('cases.col.assignee'), cell: (c) => c.assignee || '–' },
        { title: t('cases.col.opened'), cell: (c) => date(c.openedAt) },
        { title: t('cases.col.next'), cell: (c) => this.next(c) }
      ], this.cases, t('cases.none'))}
      ${this.hasNext ? html`<button class="secondary" @click=${() => this.load(this.cursor)}>${t('staff.more')}</button>` : ''}`;
  }

  next(c) {
    if (c.status === 'OPEN') return html`<button type="button" @click=${() => this.step(c, 'resolve')}>${t('cases.resolve')}</button>`;
    if (c.status === 'RESOLVED') return html`<button type="button" class="secondary" @click=${() => this.step(c, 'confirm')}>${t('cases.confirm')}</button>
      <button type="button" class="secondary" @click=${() => this.step(c, 'reopen')}>${t('cases.reopen')}</button>`;
    return html`<button type="button" class="secondary" @click=${() => this.step(c, 'reopen')}>${t('cases.reopen')}</button>`;
  }

  figures(m) {
    return html`<div class="grid">
      <div class="card"><span class="figure">${pct(m.shareResolvedAndConfirmed)}</span>${t('cases.confirmedRate', { n: num(m.resolvedAndConfirmed), of: num(m.opened) })}</div>
      <div class="card"><span class="figure">${m.medianHoursToConfirmedResolution === null ? '–' : num(m.medianHoursToConfirmedResolution, 1) + ' h'}</span>${t('cases.timeToConfirmed')}</div>
      <div class="card"><span class="figure">${pct(m.reopenRate)}</span>${t('cases.reopenRate')}</div>
      <div class="card"><span class="figure">${num(m.awaitingConfirmation)}</span>${t('cases.awaiting')}</div>
    </div><p class="muted">${t('cases.period')}</p>`;
  }
}
customElements.define('rapport-cases', CasesPage);

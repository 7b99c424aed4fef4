// One consultation: open / close it, invite, see the priorities, record "we did" / "we won't, because" per initiative
// and publish it to exactly those who rated it, and close the loop (who heard back, yes / partly / no, the "why not"
// threads to answer).
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, num, pct, date } from '../staff/common.js';
import './priorities-view.js';
import './invite-view.js';
import './loop-view.js';

const INITIATIVES = 'initiatives(first: 100, after: $after) { nodes { id position title } pageInfo { hasNextPage endCursor } totalCount }';
const QUERY = `query C($id: ID!, $after: String) { consultation(id: $id) { id title purpose status openedAt closedAt ${INITIATIVES} }
  actions(consultationId: $id) { id initiativeId decision description reason publishedAt } }`;
const MORE = `query M($id: ID!, $after: String) { consultation(id: $id) { id ${INITIATIVES} } }`;
const NEXT = { DRAFT: ['OPEN'], OPEN: ['CLOSED'], CLOSED: ['OPEN', 'ANSWERED'], ANSWERED: [] };
const TABS = ['priorities', 'invite', 'actions', 'loop'];
const DECISIONS = ['WILL_DO', 'DOING', 'DONE', 'WONT_DO'];

class ConsultationPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { c: { state: true }, actions: { state: true }, error: { state: true }, tab: { state: true }, publishing: { state: true },
    notice: { state: true } };

  constructor() {
    super();
    this.tab = new URLSearchParams(window.location.search).get('tab') || 'priorities';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /**
   * The consultation with its first 100 initiatives ("Show more" under the actions reads on); read again after a
   * change, as far as the list had been read.
   */
  async load() {
    const shown = this.c ? this.c.initiatives.nodes.length : 0;
    try {
      const data = await graphql(QUERY, { id: this.params.id, after: null });
      this.c = data.consultation;
      this.actions = data.actions;
      while (this.c.initiatives.nodes.length < shown && this.c.initiatives.pageInfo.hasNextPage) await this.readOn();
    } catch (e) {
      this.error = e;
    }
  }

  async readOn() {
    const page = (await graphql(MORE, { id: this.c.id, after: this.c.initiatives.pageInfo.endCursor })).consultation.initiatives;
    this.c = { ...this.c, initiatives: { ...page, nodes: [...this.c.initiatives.nodes, ...page.nodes] } };
  }

  async moreInitiatives() {
    try {
      await this.readOn();
    } catch (e) {
      this.error = e;
    }
  }

  async status(next) {
    try {
      await graphql(`mutation($id: ID!, $s: ConsultationStatus!) { changeConsultationStatus(consultationId: $id, status: $s) { status } }`,
        { id: this.c.id, s: next });
      this.notice = t('consultation.statusChanged', { status: label('consultation', next) });
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  async record(event, initiative) {
    const { data: form } = submitted(event);
    const decision = String(form.get('decision'));
    try {
      await graphql(`mutation($in: ActionInput!) { createAction(input: $in) { id } }`, { in: { initiativeId: initiative.id,
        decision, description: String(form.get('description')).trim(), reason: decision === 'WONT_DO' ? String(form.get('reason')).trim() : null } });
      this.notice = t('consultation.recorded', { title: initiative.title });
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  async publish(action) {
    if (this.publishing) return;
    this.publishing = action.id; // one click: the notices go out once, and the button says so while they do
    try {
      const { publishAction } = await graphql(`mutation($id: ID!) { publishAction(id: $id) { recipients unreachableAnonymous } }`, { id: action.id });
      this.notice = t('consultation.published', { n: num(publishAction.recipients), anonymous: num(publishAction.unreachableAnonymous) });
      this.load();
    } catch (e) {
      this.error = e;
    } finally {
      this.publishing = null;
    }
  }

  render() {
    if (this.error && !this.c) return errorNotice(this.error);
    if (!this.c) return loadingNotice();
    const c = this.c;
    return html`
      <p><a href="/staff/consultations">${t('consultations.title')}</a></p>
      <h1><bdi>${c.title}</bdi></h1>
      <p>${label('consultation', c.status)} · ${t('consultation.initiatives', { n: num(c.initiatives.totalCount), count: c.initiatives.totalCount })}
        ${c.openedAt ? html` · ${t('consultation.openedOn', { date: date(c.openedAt) })}` : ''}</p>
      <div class="actions">${NEXT[c.status].map((s) => html`<button type="button" class="secondary" @click=${() => this.status(s)}>
        ${t('consultation.to.' + s)}</button>`)}</div>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      <nav class="tabs" aria-label=${t('consultation.sections')}>${TABS.map((tab) => html`
        <a href="?tab=${tab}" aria-current=${tab === this.tab ? 'page' : 'false'}
          @click=${(e) => { e.preventDefault(); this.tab = tab; history.replaceState(null, '', '?tab=' + tab); }}>${t('consultation.tab.' + tab)}</a>`)}
      </nav>
      ${this.tab === 'priorities' ? html`<rapport-priorities .consultationId=${c.id}></rapport-priorities>` : ''}
      ${this.tab === 'invite' ? html`<rapport-invite .consultationId=${c.id}></rapport-invite>` : ''}
      ${this.tab === 'actions' ? this.actionsView() : ''}
      ${this.tab === 'loop' ? html`<rapport-loop .consultationId=${c.id}></rapport-loop>` : ''}`;
  }

  actionsView() {
    const byInitiative = new Map(this.actions.map((a) => [a.initiativeId, a]));
    return html`${table(t('consultation.tab.actions'), [
      { title: t('priorities.col.initiative'), cell: (i) => html`<bdi>${i.title}</bdi>` },
      { title: t('consultation.col.decision'), cell: (i) => this.decision(i, byInitiative.get(i.id)) }
    ], this.c.initiatives.nodes)}
      ${this.c.initiatives.pageInfo.hasNextPage ? html`<div class="pager"><button type="button" class="secondary"
        aria-label=${t('staff.more') + ': ' + t('consultation.tab.actions')} @click=${() => this.moreInitiatives()}>${t('staff.more')}</button></div>` : ''}`;
  }

  decision(initiative, action) {
    if (action) {
      return html`<strong>${label('decision', action.decision)}</strong> — <bdi>${action.description}</bdi>
        ${action.reason ? html`<div class="muted">${t('consultation.because')} <bdi>${action.reason}</bdi></div>` : ''}
        ${action.publishedAt ? html`<div class="muted">${t('consultation.publishedOn', { date: date(action.publishedAt) })}</div>`
          : html`<div><button type="button" ?disabled=${this.publishing === action.id} aria-busy=${this.publishing === action.id ? 'true' : 'false'}
            @click=${() => this.publish(action)}>${t(this.publishing === action.id ? 'consultation.publishing' : 'consultation.publish')}</button></div>`}`;
    }
    return html`<details><summary>${t('consultation.record')}</summary>
      <form @submit=${(e) => this.record(e, initiative)}>
        <label>${t('consultation.col.decision')} <select name="decision">${DECISIONS.map((d) => html`<option value=${d}>${label('decision', d)}</option>`)}</select></label>
        <label>${t('consultation.description')}<textarea name="description" required></textarea></label>
        <label>${t('consultation.reason')}<textarea name="reason"></textarea></label>
        <button type="submit">${t('common.save')}</button>
      </form></details>`;
  }
}
customElements.define('rapport-consultation-admin', ConsultationPage);

// When to act: the signals due, as a work queue per owner, with the facts that triggered each. "Done" acknowledges the
// signal (it stays quiet until its facts change; a due follow-up is completed); "Snooze" also books a staff follow-up
// a week later, so it comes back as "follow-up due".
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted, latest } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, date, num, facts } from '../staff/common.js';
import { SIGNALS } from '../contacts/filter-fields.js';

const QUERY = `query Due($owner: String, $kind: SignalKind, $after: String) {
  signalsDue(owner: $owner, kind: $kind, first: 100, after: $after) {
    nodes { contactId displayName owner kind since facts { key value } } pageInfo { hasNextPage endCursor } }
  signalSummary { owner kind count } }`;
const FOLLOW_UPS = `query F($id: ID!) { contact(id: $id) { followUps { id dueOn completedAt } } }`;

class SignalsPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { signals: { state: true }, summary: { state: true }, error: { state: true }, notice: { state: true },
    owner: { state: true }, kind: { state: true }, hasNext: { state: true } };

  constructor() {
    super();
    this.owner = 'me';
    this.kind = '';
    this.requests = latest();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load(after = null) {
    try {
      const data = await this.requests(graphql(QUERY, { owner: this.owner || null, kind: this.kind || null, after }));
      this.signals = after ? [...this.signals, ...data.signalsDue.nodes] : data.signalsDue.nodes;
      this.summary = data.signalSummary;
      this.cursor = data.signalsDue.pageInfo.endCursor;
      this.hasNext = data.signalsDue.pageInfo.hasNextPage;
    } catch (e) {
      this.error = e;
    }
  }

  async done(s, snooze) {
    this.error = null;
    try {
      if (s.kind === 'FOLLOW_UP_DUE') {
        const { contact } = await graphql(FOLLOW_UPS, { id: s.contactId });
        const today = new Date().toISOString().slice(0, 10);
        const due = contact.followUps.filter((f) => !f.completedAt && f.dueOn <= today);
        for (const f of due) {
          await graphql(`mutation($c: ID!, $f: ID!) { completeFollowUp(contactId: $c, followUpId: $f) { id } }`, { c: s.contactId, f: f.id });
        }
      } else {
        await graphql(`mutation($c: ID!, $k: SignalKind!) { acknowledgeSignal(contactId: $c, kind: $k) }`, { c: s.contactId, k: s.kind });
      }
      if (snooze) {
        const dueOn = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
        await graphql(`mutation($c: ID!, $in: FollowUpInput!) { addFollowUp(contactId: $c, input: $in) { id } }`,
          { c: s.contactId, in: { dueOn, topic: t('signals.snoozeTopic', { kind: label('signal', s.kind) }), statedBy: 'STAFF' } });
      }
      this.signals = this.signals.filter((x) => x !== s);
      this.notice = t(snooze ? 'signals.snoozed' : 'signals.doneFor', { name: s.displayName });
    } catch (e) {
      this.error = e;
    }
  }

  filter(event) {
    const { data } = submitted(event);
    this.owner = String(data.get('owner') || '').trim();
    this.kind = String(data.get('kind') || '');
    this.signals = null;
    this.load();
  }

  render() {
    const byOwner = new Map();
    (this.signals || []).forEach((s) => {
      if (!byOwner.has(s.owner || '')) byOwner.set(s.owner || '', []);
      byOwner.get(s.owner || '').push(s);
    });
    return html`
      <h1>${t('signals.title')}</h1>
      <p class="muted">${t('signals.intro')}</p>
      <form class="filters card" @submit=${this.filter}>
        <label>${t('contacts.filter.owner')}<input name="owner" .value=${this.owner} placeholder="me" size="12"></label>
        <label>${t('signals.kind')}<select name="kind"><option value="">${t('contacts.any')}</option>
          ${SIGNALS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${label('signal', k)}</option>`)}</select></label>
        <button type="submit">${t('signals.show')}</button>
      </form>
      ${this.summary ? this.counts() : ''}
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${!this.signals ? loadingNotice() : this.signals.length === 0 ? html`<p class="muted">${t('signals.none')}</p>` : ''}
      ${[...byOwner.entries()].map(([owner, list]) => html`
        <section class="card"><h2>${t('signals.queueOf', { owner: owner || '–', n: list.length })}</h2>
          <ul class="plain">${list.map((s) => html`<li>
            <a href="/staff/contacts/${s.contactId}"><bdi>${s.displayName}</bdi></a> — <strong>${label('signal', s.kind)}</strong>
            <span class="muted">${t('signals.since', { since: date(s.since) })}</span>
            <div class="muted">${facts(s.facts)}</div>
            <div class="actions">
              <button type="button" @click=${() => this.done(s, false)}>${t('signals.done')}</button>
              <button type="button" class="secondary" @click=${() => this.done(s, true)}>${t('signals.snooze')}</button>
            </div></li>`)}</ul>
        </section>`)}
      ${this.hasNext ? html`<button class="secondary" @click=${() => this.load(this.cursor)}>${t('staff.more')}</button>` : ''}`;
  }

  counts() {
    const kinds = {};
    this.summary.forEach((s) => { kinds[s.kind] = (kinds[s.kind] || 0) + s.count; });
    return html`<div class="grid">${SIGNALS.map((k) => html`<div class="card"><span class="figure">${num(kinds[k] || 0)}</span>
      ${label('signal', k)}</div>`)}</div>`;
  }
}
customElements.define('rapport-signals', SignalsPage);

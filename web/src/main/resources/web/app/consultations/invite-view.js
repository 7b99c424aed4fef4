// Invite an audience (drawn from a contacts search) with a preview before anything is sent: how many consent-service
// lets us reach for purpose "survey" on the channel, and for the others why not — a histogram of decision reasons
// (chart and table); for "not now" (quiet hours, a pause) from when we may. Audiences up to 1,000 people at a time.
import { LitElement, html } from 'lit';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { errorNotice, submitted } from '../shared/page.js';
import { staffStyles, label, table, num, dateTime, PALETTE } from '../staff/common.js';
import '../staff/chart.js';

const MAX = 1000;
const PREVIEW = `query Preview($filter: ContactFilter, $after: String, $purpose: String!, $channel: Channel) {
  contacts(filter: $filter, first: 100, after: $after) {
    nodes { id mayContact(purpose: $purpose, channel: $channel) { allowed notBefore reasons { code } } }
    pageInfo { hasNextPage endCursor } } }`;

/** The earlier of two ISO instants (either may be null). */
function earlier(a, b) {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * Reads the audience a page at a time with each person's decision; answers ids, the allowed count, the reasons counted
 * ([code, people, earliest notBefore]) and the "not now" decisions: how many, and the earliest moment one may be reached.
 */
export async function previewAudience(filter, purpose, channel, onProgress) {
  const people = [];
  const reasons = new Map();
  const notNow = { n: 0, from: null };
  let allowed = 0;
  let after = null;
  do {
    const { contacts } = await graphql(PREVIEW, { filter, after, purpose, channel: channel || null });
    contacts.nodes.forEach((c) => {
      people.push(c.id);
      const d = c.mayContact;
      if (d && d.allowed) {
        allowed++;
        return;
      }
      if (d && d.notBefore) {
        notNow.n++;
        notNow.from = earlier(notNow.from, d.notBefore);
      }
      (d ? d.reasons : [{ code: 'consent-unavailable' }]).forEach((r) => {
        const held = reasons.get(r.code) || { n: 0, from: null };
        reasons.set(r.code, { n: held.n + 1, from: d && d.notBefore ? earlier(held.from, d.notBefore) : held.from });
      });
    });
    if (onProgress) onProgress(people.length);
    after = contacts.pageInfo.hasNextPage && people.length < MAX ? contacts.pageInfo.endCursor : null;
  } while (after);
  return { ids: people.slice(0, MAX), allowed, notNow,
    reasons: [...reasons.entries()].map(([code, r]) => [code, r.n, r.from]).sort((a, b) => b[1] - a[1]) };
}

/** The reasons histogram: a bar chart and its table. */
export function reasonsView(preview) {
  const option = {
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {},
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: preview.reasons.map(([code]) => label('staffReason', code)).reverse() },
    series: [{ type: 'bar', itemStyle: { color: PALETTE[0] }, data: preview.reasons.map(([, n]) => n).reverse() }]
  };
  return html`
    <p><strong>${t('invite.reach', { allowed: num(preview.allowed), total: num(preview.ids.length) })}</strong></p>
    ${preview.notNow && preview.notNow.n ? html`<p>${t('invite.notNow', { n: num(preview.notNow.n), at: dateTime(preview.notNow.from) })}</p>` : ''}
    ${preview.reasons.length ? html`<div class="chart-and-table">
      <rapport-chart .option=${option} height="240px" label=${t('invite.reasonsChart')}></rapport-chart>
      ${table(t('invite.reasons'), [
        { title: t('invite.col.reason'), cell: ([code]) => label('staffReason', code) },
        { title: t('invite.col.people'), num: true, cell: ([, n]) => num(n) },
        { title: t('invite.col.notBefore'), cell: ([, , from]) => (from ? t('contact360.notNow', { at: dateTime(from) }) : '') }
      ], preview.reasons)}</div>` : ''}`;
}

class InviteView extends LitElement {
  static styles = [pageStyles, staffStyles];
  static properties = { consultationId: { type: String }, preview: { state: true }, error: { state: true },
    counted: { state: true }, notice: { state: true }, busy: { state: true } };

  async check(event) {
    const { data: form } = submitted(event);
    this.filter = {};
    ['tag', 'stage', 'owner'].forEach((k) => {
      const v = String(form.get(k) || '').trim();
      if (v) this.filter[k === 'tag' ? 'tags' : k] = k === 'tag' ? [v] : v;
    });
    this.channel = String(form.get('channel') || '') || null;
    this.error = null;
    this.preview = null;
    this.busy = true;
    try {
      this.preview = await previewAudience(this.filter, 'survey', this.channel, (n) => { this.counted = n; });
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
  }

  async invite() {
    this.busy = true;
    try {
      const { inviteToConsultation } = await graphql(`mutation($id: ID!, $in: InviteInput!) { inviteToConsultation(consultationId: $id, input: $in) }`,
        { id: this.consultationId, in: { audience: this.preview.ids.map((contactId) => ({ contactId })), channel: this.channel,
          segmentRef: JSON.stringify(this.filter).slice(0, 200) } });
      this.notice = t('invite.sent', { n: num(inviteToConsultation) });
      this.preview = null;
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
  }

  render() {
    return html`
      <form class="filters" @submit=${this.check}>
        <label>${t('contacts.filter.tag')}<input name="tag" placeholder="season-ticket"></label>
        <label>${t('contacts.filter.stage')}<select name="stage"><option value="">${t('contacts.any')}</option>
          ${['PROSPECT', 'LEAD', 'CUSTOMER', 'AT_RISK', 'LAPSED'].map((s) => html`<option value=${s}>${label('stage', s)}</option>`)}</select></label>
        <label>${t('contacts.filter.owner')}<input name="owner" size="10"></label>
        <label>${t('contacts.filter.channel')}<select name="channel"><option value="">${t('invite.anyChannel')}</option>
          ${['EMAIL', 'SMS', 'POSTAL'].map((c) => html`<option value=${c}>${label('channel', c)}</option>`)}</select></label>
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t('invite.preview')}</button>
      </form>
      ${this.busy && !this.preview ? html`<p class="muted" role="status">${t('invite.counting', { n: num(this.counted || 0) })}</p>` : ''}
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${this.preview ? html`${reasonsView(this.preview)}
        <div class="actions"><button type="button" ?disabled=${this.busy || !this.preview.allowed} @click=${this.invite}>
          ${t('invite.send', { n: num(this.preview.ids.length) })}</button></div>` : ''}`;
  }
}
customElements.define('rapport-invite', InviteView);

// Invite an audience (a saved segment, or drawn from a contacts search) with a preview before anything is sent: how many consent-service
// lets us reach for purpose "survey" on the channel, and for the others why not — a histogram of decision reasons
// (chart and table); for "not now" (quiet hours, a pause) from when we may. Audiences up to 1,000 people at a time.
import { LitElement, html } from 'lit';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { errorNotice, submitted } from '../shared/page.js';
import { savedSegments, segmentSelect } from '../segments/segments.js';
import { staffStyles, label, table, num, dateTime, PALETTE } from '../staff/common.js';
import '../staff/chart.js';

const MAX = 1000;
const PREVIEW = `query Preview($filter: ContactFilter, $after: String, $purpose: String!, $channel: Channel) {
  contacts(filter: $filter, first: 100, after: $after) {
    nodes { id mayContact(purpose: $purpose, channel: $channel) { allowed notBefore reasons { code } } }
    pageInfo { hasNextPage endCursor } } }`;
const REACH = `query ReachOfSegment($id: ID!, $purpose: String!, $channel: Channel) {
  reachOfSegment(segmentId: $id, purpose: $purpose, channel: $channel) {
    members allowed notNow denied earliestNotBefore deniedBy { code people } } }`;

/** The earlier of two ISO instants (either may be null). */
function earlier(a, b) {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * A saved segment's reach, decided by consent-service for every member now and counted (reachOfSegment): in the
 * shape previewAudience answers, with the members' count as total (no ids: the segment is sent by its id).
 */
async function reachOfSegment(segmentId, purpose, channel) {
  const { reachOfSegment: r } = await graphql(REACH, { id: segmentId, purpose, channel: channel || null });
  if (!r) throw { code: 'not-found' };
  return { ids: [], total: r.members, allowed: r.allowed, notNow: { n: r.notNow, from: r.earliestNotBefore },
    reasons: (r.deniedBy || []).map((d) => [d.code, d.people, null]) };
}

/**
 * Reads the audience ({ segmentId } or { filter }) a page at a time with each person's decision; answers ids, the
 * allowed count, the reasons counted ([code, people, earliest notBefore]) and the "not now" decisions: how many, and
 * the earliest moment one may be reached.
 */
export async function previewAudience(audience, purpose, channel, onProgress) {
  if (audience.segmentId) return reachOfSegment(audience.segmentId, purpose, channel);
  const people = [];
  const reasons = new Map();
  const notNow = { n: 0, from: null };
  let allowed = 0;
  let after = null;
  do {
    const { contacts } = await graphql(PREVIEW, { filter: audience.filter, after, purpose, channel: channel || null });
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

/**
 * The audience a form asks for: { segmentId } when a saved segment is chosen, else { filter } from the search fields
 * named (tag, stage, owner).
 */
export function audienceFrom(data, fields) {
  const segmentId = String(data.get('segmentId') || '');
  if (segmentId) return { segmentId };
  const filter = {};
  fields.forEach((k) => {
    const v = String(data.get(k) || '').trim();
    if (v) filter[k === 'tag' ? 'tags' : k] = k === 'tag' ? [v] : v;
  });
  return { filter };
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
    <p><strong>${t('invite.reach', { allowed: num(preview.allowed), total: num(preview.total ?? preview.ids.length) })}</strong></p>
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
    counted: { state: true }, notice: { state: true }, busy: { state: true }, segments: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    savedSegments().then((list) => { this.segments = list; }).catch(() => { this.segments = []; });
  }

  /** The audience the form asks for: a saved segment, else the search fields beside it. */
  async check(event) {
    const { data } = submitted(event);
    this.audience = audienceFrom(data, ['tag', 'stage', 'owner']);
    this.channel = String(data.get('channel') || '') || null;
    this.error = null;
    this.preview = null;
    this.busy = true;
    try {
      this.preview = await previewAudience(this.audience, 'survey', this.channel, (n) => { this.counted = n; });
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
  }

  async invite() {
    this.busy = true;
    try {
      const { inviteToConsultation } = await graphql(`mutation($id: ID!, $in: InviteInput!) { inviteToConsultation(consultationId: $id, input: $in) }`,
        { id: this.consultationId, in: this.audience.segmentId
          // the segment's members when it is sent; each invitation records the segment and its version
          ? { segmentId: this.audience.segmentId, channel: this.channel }
          : { audience: this.preview.ids.map((contactId) => ({ contactId })), channel: this.channel,
            segmentRef: JSON.stringify(this.audience.filter).slice(0, 200) } });
      this.notice = t('invite.sent', { n: num(inviteToConsultation), count: inviteToConsultation });
      this.preview = null;
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
  }

  render() {
    return html`
      <form class="filters" @submit=${this.check}>
        ${segmentSelect(this.segments)}
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
          ${t('invite.send', { n: num(this.preview.total ?? this.preview.ids.length), count: this.preview.total ?? this.preview.ids.length })}</button></div>` : ''}`;
  }
}
customElements.define('rapport-invite', InviteView);

// Outreach: a message to an audience for a purpose. The decision preview comes first (how many consent-service lets
// us reach, and why not for the rest); nothing is queued until "send"; afterwards the requests' outcomes by campaign.
import { html } from 'lit';
import { RapportPage, errorNotice, submitted, latest } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, num, dateTime } from '../staff/common.js';
import { previewAudience, reasonsView, audienceFrom } from '../consultations/invite-view.js';
import { savedSegments, segmentSelect } from '../segments/segments.js';

const SEND = `mutation($ids: [String!]!, $purpose: String!, $channel: Channel, $campaign: String, $payload: String) {
  requestOutreachBulk(contactIds: $ids, purpose: $purpose, channel: $channel, campaign: $campaign, payloadRef: $payload) { status } }`;
const SEND_TO_SEGMENT = `mutation($segment: ID!, $purpose: String!, $channel: Channel, $campaign: String!, $payload: String) {
  requestOutreachForSegment(segmentId: $segment, purpose: $purpose, channel: $channel, campaign: $campaign, payloadRef: $payload) {
    members queued } }`;
const OUTCOMES = `query($campaign: String, $after: String) { outreachRequests(campaign: $campaign, first: 100, after: $after) {
  nodes { id contactId status channel createdAt decision { reasons { code } } } pageInfo { hasNextPage endCursor } } }`;

class OutreachPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { purposes: { state: true }, preview: { state: true }, outcomes: { state: true }, error: { state: true },
    busy: { state: true }, counted: { state: true }, notice: { state: true }, segments: { state: true } };

  constructor() {
    super();
    this.outcomeRequests = latest();
  }

  connectedCallback() {
    super.connectedCallback();
    graphql('{ purposes { code description } }').then((d) => { this.purposes = d.purposes; }).catch((e) => { this.error = e; });
    savedSegments().then((list) => { this.segments = list; }).catch(() => { this.segments = []; });
  }

  async check(event) {
    const { data: form } = submitted(event);
    this.request = { purpose: String(form.get('purpose')), channel: String(form.get('channel') || '') || null,
      campaign: String(form.get('campaign')).trim(), payload: String(form.get('payload') || '').trim() || null };
    // a saved segment is decided and sent by consent-service, every member; a search's results go as ids (up to 1,000)
    this.audience = audienceFrom(form, ['tag', 'stage']);
    this.busy = true;
    this.preview = null;
    this.error = null;
    try {
      this.preview = await previewAudience(this.audience, this.request.purpose, this.request.channel, (n) => { this.counted = n; });
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
  }

  async send() {
    this.busy = true;
    try {
      const r = this.request;
      if (this.audience.segmentId) {
        const { requestOutreachForSegment: sent } = await graphql(SEND_TO_SEGMENT, { segment: this.audience.segmentId,
          purpose: r.purpose, channel: r.channel, campaign: r.campaign, payload: r.payload });
        this.notice = t('outreach.sent', { queued: num(sent.queued), n: num(sent.members) });
      } else {
        const { requestOutreachBulk } = await graphql(SEND, { ids: this.preview.ids, purpose: r.purpose, channel: r.channel,
          campaign: r.campaign, payload: r.payload });
        this.notice = t('outreach.sent', { queued: num(requestOutreachBulk.filter((x) => x.status === 'QUEUED').length),
          n: num(requestOutreachBulk.length) });
      }
      this.preview = null;
      await this.loadOutcomes(r.campaign);
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
  }

  async loadOutcomes(campaign) {
    try {
      const { outreachRequests } = await this.outcomeRequests(graphql(OUTCOMES, { campaign: campaign || null }));
      this.outcomes = outreachRequests.nodes;
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    const counts = {};
    (this.outcomes || []).forEach((o) => { counts[o.status] = (counts[o.status] || 0) + 1; });
    return html`
      <h1>${t('outreach.title')}</h1>
      <p class="muted">${t('outreach.intro')}</p>
      <form class="card filters" @submit=${this.check}>
        <label>${t('outreach.purpose')}<select name="purpose" required>${(this.purposes || []).map((p) => html`<option value=${p.code}>${p.code}</option>`)}</select></label>
        <label>${t('contacts.filter.channel')}<select name="channel"><option value="">${t('invite.anyChannel')}</option>
          ${['EMAIL', 'SMS', 'PHONE', 'POSTAL'].map((c) => html`<option value=${c}>${label('channel', c)}</option>`)}</select></label>
        <label>${t('outreach.campaign')}<input name="campaign" required maxlength="200" placeholder="spring-newsletter"></label>
        <label>${t('outreach.payload')}<input name="payload" maxlength="500" placeholder="newsletter:2027-03"></label>
        ${segmentSelect(this.segments)}
        <label>${t('contacts.filter.tag')}<input name="tag" placeholder="vip"></label>
        <label>${t('contacts.filter.stage')}<select name="stage"><option value="">${t('contacts.any')}</option>
          ${['PROSPECT', 'LEAD', 'CUSTOMER', 'AT_RISK', 'LAPSED'].map((s) => html`<option value=${s}>${label('stage', s)}</option>`)}</select></label>
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t('invite.preview')}</button>
      </form>
      ${this.busy && !this.preview ? html`<p class="muted" role="status">${t('invite.counting', { n: num(this.counted || 0) })}</p>` : ''}
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${this.preview ? html`<section class="card">${reasonsView(this.preview)}
        <div class="actions"><button type="button" ?disabled=${this.busy || !this.preview.allowed} @click=${this.send}>
          ${t('outreach.send', { n: num(this.preview.allowed), count: this.preview.allowed })}</button></div></section>` : ''}
      <section class="card"><h2>${t('outreach.outcomes')}</h2>
        <form class="filters" @submit=${(e) => this.loadOutcomes(String(submitted(e).data.get('campaign')).trim())}>
          <label>${t('outreach.campaign')}<input name="campaign" placeholder="demo-newsletter-december"></label>
          <button type="submit" class="secondary">${t('outreach.show')}</button></form>
        ${this.outcomes ? html`<p>${Object.entries(counts).map(([s, n]) => html`<span class="tag">${label('outreach', s)}: ${num(n)}</span> `)}</p>
          ${table(t('outreach.outcomes'), [
            { title: t('outreach.col.when'), cell: (o) => dateTime(o.createdAt) },
            { title: t('outreach.col.contact'), cell: (o) => html`<a href="/staff/contacts/${o.contactId}">${t('outreach.open')}</a>` },
            { title: t('outreach.col.status'), cell: (o) => label('outreach', o.status) },
            { title: t('contacts.filter.channel'), cell: (o) => label('channel', o.channel) },
            { title: t('outreach.col.reasons'), cell: (o) => ((o.decision && o.decision.reasons) || []).map((r) => html`<span class="reason">${label('staffReason', r.code)}</span>`) }
          ], this.outcomes)}` : ''}
      </section>`;
  }
}
customElements.define('rapport-outreach', OutreachPage);

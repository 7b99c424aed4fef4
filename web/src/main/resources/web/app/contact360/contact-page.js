// Contact 360: every address with where it came from and, per purpose, whether it may be used and every reason why not
// ("not now, until …" when only quiet hours stand in the way); consents and their history; the timeline (paged); value
// and rhythm; the lead score beside what the person said (an objection first); follow-ups; signals; cases; ratings;
// and the loop (what they rated, what we did, their answer).
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql, request } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, money, num, label, table, date, dateTime, facts } from '../staff/common.js';

// Nested lists are connections: the first page comes with the contact, "Show more" reads on with `after`. Contact.ratings
// takes no arguments here because ConsultationResponse.ratings is in the same document: the gateway allows one argument
// set per batched field name in a document (docs/gateway.md, Limits).
const PAGE = 'pageInfo { hasNextPage endCursor }';
const CASE = 'id status problem openedAt resolvedAt confirmedAt reopenCount';
const RATING = 'id stars subjectType staff touchpoint comment ratedAt';
const LOOP = 'id consultationId initiativeId answer why askedAt answeredAt';
const QUERY = `query Contact360($id: ID!, $purposes: [String!]!) {
  contact(id: $id) { id displayName owner lifecycleStage tags version organisation { name }
    contactPoints { id channel address context provenance { kind source } capturedAt verifiedAt }
    decisions(purposes: $purposes) { purpose allowed channel contactPointId notBefore reasons { code detail } }
    consents { purpose channel status source since until expiresAt }
    consentLedger(first: 50) { nodes { id kind purpose channel source occurredAt until evidence { formId actor note } } }
    policy { quietHoursStart quietHoursEnd timeZone maxTouches windowDays doNotContact }
    value { currency lifetimeSpend trailing12MonthSpend purchaseCount usualIntervalDays lastPurchaseAt }
    leadScore { score contributions { type count points } }
    followUps(includeCompleted: true) { id dueOn topic note statedBy completedAt }
    signals { kind since facts { key value } }
    cases(first: 10) { nodes { ${CASE} } ${PAGE} }
    ratings { nodes { ${RATING} } ${PAGE} }
    loopFollowUps(first: 10) { nodes { ${LOOP} } ${PAGE} }
    consultationResponses(first: 100) { nodes { id ratings { initiativeId } } pageInfo { hasNextPage } } }
  purposes { code description } }`;
const TIMELINE = `query Timeline($id: ID!, $after: String) { contact(id: $id) { timeline(first: 20, after: $after) {
  nodes { id type occurredAt subject amount currency source } ${PAGE} } } }`;
const MORE = {
  cases: `query MoreCases($id: ID!, $after: String) { contact(id: $id) { cases(first: 10, after: $after) { nodes { ${CASE} } ${PAGE} } } }`,
  ratings: `query MoreRatings($id: ID!, $after: String) { contact(id: $id) { ratings(first: 20, after: $after) { nodes { ${RATING} } ${PAGE} } } }`,
  loopFollowUps: `query MoreFollowUps($id: ID!, $after: String) { contact(id: $id) { loopFollowUps(first: 10, after: $after) { nodes { ${LOOP} } ${PAGE} } } }`
};
const PURPOSES = ['newsletter', 'marketing', 'sales-outreach', 'service', 'survey', 'renewal-offers'];

class ContactPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { contact: { state: true }, error: { state: true }, timeline: { state: true }, more: { state: true },
    lists: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const { purposes } = await graphql('{ purposes { code } }');
      const codes = purposes.length ? purposes.map((p) => p.code) : PURPOSES;
      // a role may not read every field (a marketer sees no cases): show the rest
      const { data, errors } = await request(QUERY, { id: this.params.id, purposes: codes });
      if (!data || !data.contact) throw errors[0] ? { code: errors[0].extensions && errors[0].extensions.code } : { code: 'not-found' };
      this.contact = data.contact;
      // a field the role may not read is null: its section shows nothing
      this.lists = Object.fromEntries(Object.keys(MORE).map((field) => [field, data.contact[field]
        ? { nodes: data.contact[field].nodes, after: data.contact[field].pageInfo.endCursor, more: data.contact[field].pageInfo.hasNextPage }
        : { nodes: [], after: null, more: false }]));
      this.timeline = [];
      this.cursor = null;
      await this.loadTimeline();
    } catch (e) {
      this.error = e;
    }
  }

  async loadTimeline() {
    const data = await graphql(TIMELINE, { id: this.params.id, after: this.cursor });
    const page = data.contact.timeline;
    this.timeline = [...this.timeline, ...page.nodes];
    this.cursor = page.pageInfo.endCursor;
    this.more = page.pageInfo.hasNextPage;
  }

  /** The next page of one nested list, after the last node shown. */
  async loadMore(field) {
    try {
      const data = await graphql(MORE[field], { id: this.params.id, after: this.lists[field].after });
      const page = data.contact[field];
      const list = this.lists[field];
      this.lists = { ...this.lists, [field]: { nodes: [...list.nodes, ...page.nodes], after: page.pageInfo.endCursor,
        more: page.pageInfo.hasNextPage } };
    } catch (e) {
      this.error = e;
    }
  }

  moreButton(field, title) {
    return this.lists[field].more
      ? html`<button class="secondary" aria-label=${t('staff.more') + ': ' + title} @click=${() => this.loadMore(field)}>${t('staff.more')}</button>`
      : '';
  }

  render() {
    if (this.error) return errorNotice(this.error);
    if (!this.contact) return loadingNotice();
    const c = this.contact;
    return html`
      <p><a href="/staff/contacts">${t('contact360.back')}</a></p>
      <h1><bdi>${c.displayName}</bdi></h1>
      <p class="muted">${label('stage', c.lifecycleStage)} · ${t('contact360.owner')}: ${c.owner || '–'}
        ${c.organisation ? html` · <bdi>${c.organisation.name}</bdi>` : ''} · ${(c.tags || []).join(', ')}</p>
      ${this.said(c)}
      <div class="grid">
        <section class="card"><h2>${t('contact360.value')}</h2>${this.value(c.value)}</section>
        <section class="card"><h2>${t('contact360.signals')}</h2>${this.signals(c.signals)}</section>
      </div>
      <section class="card"><h2>${t('contact360.addresses')}</h2>
        ${table(t('contact360.addresses'), [
          { title: t('contact360.col.channel'), cell: (p) => label('channel', p.channel) },
          { title: t('contact360.col.address'), cell: (p) => html`<bdi>${p.address || ''}</bdi>` },
          { title: t('contact360.col.context'), cell: (p) => label('context', p.context) },
          { title: t('contact360.col.provenance'), cell: (p) => html`${label('provenance', p.provenance.kind)}
            ${p.provenance.source ? html`<span class="muted">(<bdi>${p.provenance.source}</bdi>)</span>` : ''}` },
          { title: t('contact360.col.captured'), cell: (p) => date(p.capturedAt) }
        ], c.contactPoints)}
      </section>
      <section class="card"><h2>${t('contact360.mayWe')}</h2>${this.decisions(c)}</section>
      <section class="card"><h2>${t('contact360.consents')}</h2>
        ${table(t('contact360.consents'), [
          { title: t('contact360.col.purpose'), cell: (s) => s.purpose },
          { title: t('contact360.col.channel'), cell: (s) => label('channel', s.channel) },
          { title: t('contact360.col.status'), cell: (s) => label('consent', s.status) },
          { title: t('contact360.col.since'), cell: (s) => date(s.since) },
          { title: t('contact360.col.source'), cell: (s) => label('source', s.source) }
        ], c.consents)}
        <h3>${t('contact360.history')}</h3>
        ${table(t('contact360.history'), [
          { title: t('contact360.col.when'), cell: (e) => dateTime(e.occurredAt) },
          { title: t('contact360.col.event'), cell: (e) => label('consent.kind', e.kind) },
          { title: t('contact360.col.purpose'), cell: (e) => e.purpose },
          { title: t('contact360.col.channel'), cell: (e) => label('channel', e.channel) },
          { title: t('contact360.col.source'), cell: (e) => html`${label('source', e.source)}
            ${e.evidence && e.evidence.formId ? html` <span class="muted">(<bdi>${e.evidence.formId}</bdi>)</span>` : ''}` }
        ], c.consentLedger ? c.consentLedger.nodes : [])}
      </section>
      <section class="card"><h2>${t('contact360.timeline')}</h2>
        ${table(t('contact360.timeline'), [
          { title: t('contact360.col.when'), cell: (i) => dateTime(i.occurredAt) },
          { title: t('contact360.col.type'), cell: (i) => label('interaction', i.type) },
          { title: t('contact360.col.subject'), cell: (i) => html`<bdi>${i.subject || ''}</bdi>` },
          { title: t('contact360.col.amount'), num: true, cell: (i) => (i.amount ? money(i.amount, i.currency) : '') }
        ], this.timeline)}
        ${this.more ? html`<button class="secondary" aria-label=${t('staff.more') + ': ' + t('contact360.timeline')}
          @click=${() => this.loadTimeline()}>${t('staff.more')}</button>` : ''}
      </section>
      <div class="grid">
        <section class="card"><h2>${t('contact360.followUps')}</h2>
          <ul class="plain">${(c.followUps || []).map((f) => html`<li>${date(f.dueOn)} — <bdi>${f.topic}</bdi>
            <span class="muted">(${label('statedBy', f.statedBy)}${f.completedAt ? ', ' + t('contact360.done') : ''})</span></li>`)}</ul>
          ${(c.followUps || []).length ? '' : html`<p class="muted">${t('staff.empty')}</p>`}</section>
        <section class="card"><h2>${t('contact360.cases')}</h2>
          <ul class="plain">${this.lists.cases.nodes.map((k) => html`<li><bdi>${k.problem}</bdi>
            <span class="tag">${label('case', k.status)}</span> <span class="muted">${date(k.openedAt)}</span></li>`)}</ul>
          ${this.lists.cases.nodes.length ? '' : html`<p class="muted">${t('staff.empty')}</p>`}
          ${this.moreButton('cases', t('contact360.cases'))}</section>
        <section class="card"><h2>${t('contact360.ratings')}</h2>
          <ul class="plain">${this.lists.ratings.nodes.map((r) => html`<li>${'★'.repeat(r.stars)}<span class="visually-hidden">${r.stars}</span>
            ${r.staff || ''} · ${r.touchpoint || ''} <span class="muted">${date(r.ratedAt)}</span>
            ${r.comment ? html`<div><bdi>${r.comment}</bdi></div>` : ''}</li>`)}</ul>
          ${this.lists.ratings.nodes.length ? '' : html`<p class="muted">${t('staff.empty')}</p>`}
          ${this.moreButton('ratings', t('contact360.ratings'))}</section>
      </div>
      <section class="card"><h2>${t('contact360.loop')}</h2>
        <p class="muted">${t('contact360.loopRated', { n: this.rated(c.consultationResponses) })}</p>
        ${table(t('contact360.loop'), [
          { title: t('contact360.col.asked'), cell: (f) => date(f.askedAt) },
          { title: t('contact360.col.answer'), cell: (f) => (f.answer ? label('answer', f.answer) : t('contact360.noAnswer')) },
          { title: t('contact360.col.why'), cell: (f) => html`<bdi>${f.why || ''}</bdi>` }
        ], this.lists.loopFollowUps.nodes)}
        ${this.moreButton('loopFollowUps', t('contact360.loop'))}
      </section>`;
  }

  /** Initiatives rated under the person's name, over their latest 100 responses ("100+" beyond). */
  rated(responses) {
    if (!responses) return 0;
    const n = responses.nodes.reduce((s, r) => s + r.ratings.length, 0);
    return responses.pageInfo.hasNextPage ? n + '+' : n;
  }

  /** What the person said comes first: an objection, then do-not-contact, then their own follow-ups; the score after. */
  said(c) {
    const objections = (c.consents || []).filter((s) => s.status === 'OBJECTED' || s.status === 'OBJECTION');
    const open = (c.followUps || []).filter((f) => !f.completedAt && f.statedBy === 'CONTACT');
    return html`<section class="card" aria-labelledby="said">
      <h2 id="said">${t('contact360.said')}</h2>
      ${objections.map((o) => html`<p class="first">${t('contact360.objection', { purpose: o.purpose, until: o.until ? date(o.until) : '–' })}</p>`)}
      ${c.policy && c.policy.doNotContact ? html`<p class="first">${t('contact360.doNotContact')}</p>` : ''}
      ${open.map((f) => html`<p>${t('contact360.askedFor', { topic: f.topic, due: date(f.dueOn) })}</p>`)}
      ${c.policy && c.policy.quietHoursStart ? html`<p>${t('contact360.quietHours', { from: c.policy.quietHoursStart,
        to: c.policy.quietHoursEnd, zone: c.policy.timeZone })}</p>` : ''}
      ${!objections.length && !open.length && !(c.policy && c.policy.doNotContact) ? html`<p class="muted">${t('contact360.saidNothing')}</p>` : ''}
      <p>${t('contact360.leadScore')}: <strong>${c.leadScore ? num(c.leadScore.score, 1) : '–'}</strong>
        <span class="muted">${t('contact360.scoreIsAGuess')}</span></p>
    </section>`;
  }

  value(v) {
    if (!v) return html`<p class="muted">${t('staff.empty')}</p>`;
    return html`<dl class="facts">
      <dt>${t('contact360.lifetime')}</dt><dd>${money(v.lifetimeSpend, v.currency)}</dd>
      <dt>${t('contact360.trailing')}</dt><dd>${money(v.trailing12MonthSpend, v.currency)}</dd>
      <dt>${t('contact360.purchases')}</dt><dd>${num(v.purchaseCount)}</dd>
      <dt>${t('contact360.rhythm')}</dt><dd>${v.usualIntervalDays ? t('contact360.everyDays', { n: num(v.usualIntervalDays), count: Math.round(v.usualIntervalDays) }) : '–'}</dd>
      <dt>${t('contact360.lastPurchase')}</dt><dd>${date(v.lastPurchaseAt) || '–'}</dd></dl>`;
  }

  signals(list) {
    if (!list || !list.length) return html`<p class="muted">${t('contact360.noSignals')}</p>`;
    return html`<ul class="plain">${list.map((s) => html`<li><strong>${label('signal', s.kind)}</strong>
      <span class="muted">${t('signals.since', { since: date(s.since) })}</span>
      <div class="muted">${facts(s.facts)}</div></li>`)}</ul>`;
  }

  decisions(c) {
    return table(t('contact360.mayWe'), [
      { title: t('contact360.col.purpose'), cell: (d) => d.purpose },
      { title: t('contact360.col.answer'), cell: (d) => (d.allowed
        ? html`<span class="tag ok">${t('contact360.yes')}</span> ${label('channel', d.channel)}`
        : d.notBefore ? html`<span class="tag">${t('contact360.notNow', { at: dateTime(d.notBefore) })}</span>`
          : html`<span class="tag no">${t('contact360.no')}</span>`) },
      { title: t('contact360.col.why'), cell: (d) => (d.reasons || []).map((r) => html`<span class="reason">${label('staffReason', r.code)}</span>`) }
    ], c.decisions);
  }
}
customElements.define('rapport-contact-360', ContactPage);

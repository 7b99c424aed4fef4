// Renewals: the programmes, each season's tier report, and early-renewal offers by tier (consent-checked: the offer's
// messages go through outreach, denials kept with their reasons).
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, table, num, label, date } from '../staff/common.js';
import './tier-report.js';
import { savedSegments, segmentSelect } from '../segments/segments.js';

const LIST = `{ programmes { id name description members periods offers { id period tiers channel audience createdAt } } }`;
const OFFER = `query($p: ID!, $o: ID!) { renewalOffer(programmeId: $p, offerId: $o) { id audience delivery { total queued denied pending deniedBy { key value } } } }`;

class RenewalsPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { programmes: { state: true }, chosen: { state: true }, period: { state: true }, offers: { state: true },
    error: { state: true }, notice: { state: true }, segments: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    savedSegments().then((list) => { this.segments = list; }).catch(() => { this.segments = []; });
    this.load();
  }

  async load() {
    try {
      this.programmes = (await graphql(LIST)).programmes;
      if (this.programmes.length && !this.chosen) this.pick(this.programmes[0]);
      else if (this.chosen) this.pick(this.programmes.find((p) => p.id === this.chosen.id) || this.programmes[0]);
    } catch (e) {
      this.error = e;
    }
  }

  async pick(programme) {
    this.chosen = programme;
    this.period = this.period && programme.periods.includes(this.period) ? this.period : programme.periods[0];
    this.offers = await Promise.all(programme.offers.map((o) => graphql(OFFER, { p: programme.id, o: o.id })
      .then((d) => ({ ...o, ...d.renewalOffer })).catch(() => o)));
  }

  async offer(event) {
    const { data: form } = submitted(event);
    const tiers = form.getAll('tier').map(Number);
    try {
      const { sendRenewalOffer } = await graphql(`mutation($p: ID!, $in: RenewalOfferInput!) { sendRenewalOffer(programmeId: $p, input: $in) { audience } }`,
        // with a segment, only its members among the tiers' undecided members; the offer records it and its version
        { p: this.chosen.id, in: { period: this.period, tiers, channel: String(form.get('channel')),
          segmentId: String(form.get('segmentId') || '') || null } });
      this.notice = t('renewals.offered', { n: num(sendRenewalOffer.audience), count: sendRenewalOffer.audience });
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    if (!this.programmes) return this.error ? errorNotice(this.error) : loadingNotice();
    const p = this.chosen;
    return html`
      <h1>${t('renewals.title')}</h1>
      ${this.programmes.length === 0 ? html`<p class="muted">${t('renewals.none')}</p>` : html`
        <form class="filters">
          <label>${t('renewals.programme')}<select @change=${(e) => this.pick(this.programmes[e.target.selectedIndex])}>
            ${this.programmes.map((x) => html`<option ?selected=${p && x.id === p.id}>${x.name} (${num(x.members)})</option>`)}</select></label>
          <label>${t('renewals.period')}<select @change=${(e) => { this.period = e.target.value; }}>
            ${(p ? p.periods : []).map((x) => html`<option ?selected=${x === this.period}>${x}</option>`)}</select></label>
        </form>`}
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${p && this.period ? html`<section class="card"><h2>${t('renewals.report', { period: this.period })}</h2>
        <rapport-tier-report .programmeId=${p.id} .period=${this.period}></rapport-tier-report></section>
        <section class="card"><h2>${t('renewals.offers')}</h2>
          ${table(t('renewals.offers'), [
            { title: t('renewals.col.sent'), cell: (o) => date(o.createdAt) },
            { title: t('renewals.period'), cell: (o) => o.period },
            { title: t('renewals.col.tiers'), cell: (o) => o.tiers.map((x) => '★'.repeat(x)).join(', ') },
            { title: t('contacts.filter.channel'), cell: (o) => label('channel', o.channel) },
            { title: t('renewals.col.audience'), num: true, cell: (o) => num(o.audience) },
            { title: t('renewals.col.queued'), num: true, cell: (o) => (o.delivery ? num(o.delivery.queued) : '–') },
            { title: t('renewals.col.denied'), num: true, cell: (o) => (o.delivery ? num(o.delivery.denied) : '–') }
          ], this.offers || [])}
          <form @submit=${this.offer}><fieldset><legend>${t('renewals.newOffer', { period: this.period })}</legend>
            ${[1, 2, 3, 4, 5].map((x) => html`<label><input type="checkbox" name="tier" value=${x} ?checked=${x >= 4}> ${'★'.repeat(x)}</label> `)}
            <label>${t('contacts.filter.channel')} <select name="channel">${['EMAIL', 'POSTAL', 'SMS'].map((c) => html`<option value=${c}>${label('channel', c)}</option>`)}</select></label>
            ${segmentSelect(this.segments, t('segments.allMembers'))}
            <button type="submit">${t('renewals.send')}</button></fieldset></form>
        </section>` : ''}`;
  }
}
customElements.define('rapport-renewals', RenewalsPage);

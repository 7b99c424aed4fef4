// An early-renewal offer, as the member it was sent to reads it from the e-mail's link: the programme and the period.
// Renewing itself happens where the person always renews (feedback-service records the outcome); nothing to send here.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';

const OFFER = `query Offer($id: ID!) { myRenewalOffer(id: $id) { id programme period } }`;

class RenewalOfferPage extends RapportPage {
  static properties = { ...RapportPage.properties, offer: { state: true }, problem: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.offer = (await graphql(OFFER, { id: this.params.offerId })).myRenewalOffer;
      if (!this.offer) throw Object.assign(new Error('none'), { code: 'not-found' });
    } catch (e) {
      this.problem = e;
    }
  }

  render() {
    const title = html`<h1>${t('renewalOffer.title')}</h1>`;
    if (!this.offer) return html`${title}${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    return html`
      ${title}
      <section class="card" data-offer>
        <h2><bdi>${this.offer.programme}</bdi></h2>
        <p>${t('renewalOffer.intro', { programme: this.offer.programme, period: this.offer.period })}</p>
        <p class="muted">${t('renewalOffer.how')}</p>
      </section>`;
  }
}
customElements.define('rapport-renewal-offer', RenewalOfferPage);

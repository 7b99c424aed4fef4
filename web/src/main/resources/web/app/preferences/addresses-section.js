// Every address Rapport holds for the person: how we came to have it, and whether it may be used for each purpose now
// (the decision consent-service would take, with its reasons).
import { html } from 'lit';
import { PreferenceSection } from './section.js';
import { errorNotice } from '../shared/page.js';
import { request } from '../shared/graphql.js';
import { formatDate, t } from '../shared/i18n.js';
import { USABILITY } from './queries.js';

export function channelName(channel) {
  const key = 'channel.' + channel;
  const text = t(key);
  return text === key ? channel : text;
}

export function provenanceText(point) {
  const p = point.provenance || {};
  const source = p.source || t('provenance.unknownSource');
  const date = formatDate(point.capturedAt);
  switch (p.kind) {
    case 'PROVIDED_BY_CONTACT': return t('provenance.given', { source, date });
    case 'IMPORTED': return t('provenance.imported', { source, date });
    case 'ENRICHMENT': return t('provenance.enrichment', { source, date });
    case 'INFERRED': return t('provenance.inferred', { date });
    default: return t('provenance.other', { date });
  }
}

function reasonText(reason) {
  const key = 'reason.' + reason.code;
  const text = t(key);
  return text === key ? t('reason.other') : text;
}

class AddressesSection extends PreferenceSection {
  static properties = { ...PreferenceSection.properties, usability: { state: true } };

  updated(changed) {
    if (changed.has('me') && this.me) this.loadUsability();
  }

  /** One decision per purpose for each channel the person has an address on (one request per channel). */
  async loadUsability() {
    const purposes = (this.purposes || []).map((p) => p.code);
    const channels = [...new Set((this.me.contactPoints || []).map((p) => p.channel))];
    if (!purposes.length) return;
    const entries = await Promise.all(channels.map(async (channel) => {
      try {
        const { data } = await request(USABILITY, { purposes, channel });
        return [channel, (data && data.me && data.me.decisions) || null];
      } catch (e) {
        return [channel, null];
      }
    }));
    this.usability = Object.fromEntries(entries);
  }

  render() {
    const points = (this.me && this.me.contactPoints) || [];
    return html`
      <h2 id="addresses">${t('addresses.title')}</h2>
      <p class="muted">${t('addresses.intro')}</p>
      ${points.length === 0 ? html`<p>${t('addresses.none')}</p>` : ''}
      <ul class="plain">
        ${points.map((point) => this.renderPoint(point))}
      </ul>
      ${errorNotice(this.problem)}`;
  }

  purposeName(code) {
    const purpose = (this.purposes || []).find((p) => p.code === code);
    return (purpose && purpose.description) || code;
  }

  renderPoint(point) {
    const given = point.provenance && point.provenance.kind === 'PROVIDED_BY_CONTACT';
    const decisions = this.usability && this.usability[point.channel];
    return html`
      <li class="card" data-address>
        <p><strong>${channelName(point.channel)}</strong>
          ${point.context ? html`<span class="muted">(${t('context.' + point.context)})</span>` : ''}
          <bdi class="address">${point.address || t('addresses.postal')}</bdi></p>
        <p>${provenanceText(point)}</p>
        ${given
          ? html`<p><span class="tag ok">${t('addresses.given')}</span></p>`
          : html`<p class="notice warn" data-not-usable><strong>${t('addresses.notUsable')}</strong> ${t('addresses.notGivenWhy')}</p>`}
        ${decisions ? html`
          <details>
            <summary>${t('addresses.perPurpose')}</summary>
            <ul>${decisions.map((d) => html`
              <li><bdi>${this.purposeName(d.purpose)}</bdi>:
                ${d.allowed && d.contactPointId === point.id ? html`<span class="tag ok">${t('usable.yes')}</span>`
                  : d.allowed ? html`<span class="tag no">${t('usable.otherAddress')}</span>`
                  : html`<span class="tag no">${t('usable.no')}</span> ${(d.reasons || []).map(reasonText).join(' · ')}`}
              </li>`)}
            </ul>
          </details>` : ''}
      </li>`;
  }
}
customElements.define('pc-addresses', AddressesSection);

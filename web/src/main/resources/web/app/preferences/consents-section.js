// Consent per purpose and channel, as the ledger says it is now, with its history; a change appends an event
// (source PREFERENCE_CENTRE). "Not now, until …" is an objection to the purpose on every channel until that day.
import { html } from 'lit';
import { PreferenceSection } from './section.js';
import { errorNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { formatDate, formatDateTime, t } from '../shared/i18n.js';
import { RECORD_CONSENT } from './queries.js';
import { channelName } from './addresses-section.js';

const POSITIVE = 'GRANTED';

function sourceText(source) {
  const key = 'source.' + source;
  const text = t(key);
  return text === key ? source : text;
}

export function eventText(event) {
  const vars = {
    date: formatDateTime(event.occurredAt),
    source: sourceText(event.source),
    channel: event.channel ? channelName(event.channel) : t('consents.allChannels'),
    until: formatDate(event.until)
  };
  const key = 'ledger.' + event.kind + (event.until ? '.until' : '');
  const text = t(key, vars);
  return text === key ? t('ledger.other', { ...vars, kind: event.kind }) : text;
}

class ConsentsSection extends PreferenceSection {
  channels() {
    const seen = new Set((this.me.contactPoints || []).map((p) => p.channel));
    (this.me.consents || []).forEach((c) => { if (c.channel) seen.add(c.channel); });
    return [...seen];
  }

  /** The channel-wide state of a purpose on a channel (point-specific states are shown with the address). */
  state(purpose, channel) {
    return (this.me.consents || []).find((c) => c.purpose === purpose && c.channel === channel && !c.contactPointId) || null;
  }

  allowed(purpose, channel) {
    const state = this.state(purpose.code, channel);
    if (state) return state.status === POSITIVE;
    return purpose.lawfulBasis !== 'CONSENT';
  }

  set(purpose, channel, allow) {
    const kind = allow ? 'GRANT' : purpose.lawfulBasis === 'CONSENT' ? 'WITHDRAW' : 'OBJECT';
    return this.change(() => graphql(RECORD_CONSENT, {
      contactId: this.me.id,
      input: { kind, purpose: purpose.code, channel, source: 'PREFERENCE_CENTRE' }
    }), t(allow ? 'consents.granted' : 'consents.withdrawn', { purpose: purpose.code, channel: channelName(channel) }));
  }

  notNow(purpose, form) {
    const day = form.querySelector('input[type=date]').value;
    if (!day) {
      this.problem = { code: 'invalid-input' };
      return null;
    }
    return this.change(() => graphql(RECORD_CONSENT, {
      contactId: this.me.id,
      input: { kind: 'OBJECT', purpose: purpose.code, source: 'PREFERENCE_CENTRE', until: new Date(day + 'T00:00:00').toISOString() }
    }), t('consents.pausedSaved', { purpose: purpose.code, until: formatDate(day) }));
  }

  render() {
    if (!this.me) return '';
    const channels = this.channels();
    const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
    return html`
      <h2 id="consents">${t('consents.title')}</h2>
      <p class="muted">${t('consents.intro')}</p>
      ${(this.purposes || []).map((purpose) => {
        const paused = (this.me.consents || []).find((c) => c.purpose === purpose.code && c.status === 'OBJECTED' && c.until);
        const history = ((this.me.consentLedger && this.me.consentLedger.nodes) || []).filter((e) => e.purpose === purpose.code);
        return html`
        <fieldset class="purpose" data-purpose=${purpose.code}>
          <legend><bdi>${purpose.description || purpose.code}</bdi></legend>
          <p class="muted">${t('basis.' + purpose.lawfulBasis)}</p>
          ${channels.length === 0 ? html`<p>${t('consents.noChannels')}</p>` : ''}
          <div class="row">
            ${channels.map((channel) => {
              const allowed = this.allowed(purpose, channel);
              const id = `c-${purpose.code}-${channel}`;
              return html`
              <label for=${id} class="toggle">
                <input id=${id} type="checkbox" .checked=${allowed} ?disabled=${this.busy}
                  @change=${(e) => this.set(purpose, channel, e.target.checked)}>
                ${t('consents.allowOn', { channel: channelName(channel) })}
              </label>`;
            })}
          </div>
          ${paused ? html`<p class="notice info">${t('consents.pausedUntil', { until: formatDate(paused.until) })}</p>` : ''}
          <form class="row" @submit=${(e) => this.notNow(purpose, submitted(e).form)}>
            <div class="field">
              <label for=${'until-' + purpose.code}>${t('consents.notNowUntil')}</label>
              <input id=${'until-' + purpose.code} type="date" min=${tomorrow}>
            </div>
            <button class="secondary" type="submit" ?disabled=${this.busy}>${t('consents.notNow')}</button>
          </form>
          <details>
            <summary>${t('consents.history', { count: history.length })}</summary>
            ${history.length ? html`<ol class="history">${history.map((e) => html`<li>${eventText(e)}</li>`)}</ol>`
              : html`<p class="muted">${t('consents.noHistory')}</p>`}
          </details>
        </fieldset>`;
      })}
      <div aria-live="polite">${this.done ? html`<p class="notice ok">${this.done}</p>` : ''}</div>
      ${errorNotice(this.problem)}`;
  }
}
customElements.define('pc-consents', ConsentsSection);

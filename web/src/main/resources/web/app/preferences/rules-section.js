// The person's own rules (their contact policy): quiet hours in their time zone, at most N messages per window across
// every channel, the channels they prefer, and "do not contact me at all".
import { html } from 'lit';
import { PreferenceSection } from './section.js';
import { errorNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { SET_POLICY } from './queries.js';
import { channelName } from './addresses-section.js';

/** Every IANA zone the browser knows, with the person's current one first if the list lacks it (e.g. "UTC"). */
function zones(current) {
  let all;
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch (e) {
    all = [];
  }
  return all.includes(current) ? all : [current, ...all];
}

class RulesSection extends PreferenceSection {
  save(form) {
    const policy = this.me.policy || {};
    const value = (name) => form.elements[name].value.trim();
    const quiet = form.elements.quiet.checked;
    const max = value('maxTouches');
    const input = {
      doNotContact: form.elements.doNotContact.checked,
      quietHoursStart: quiet ? value('quietStart') : null,
      quietHoursEnd: quiet ? value('quietEnd') : null,
      timeZone: value('timeZone') || null,
      maxTouches: max === '' ? null : Number(max),
      windowDays: max === '' ? null : Number(value('windowDays') || 7),
      preferredChannels: [...form.querySelectorAll('input[name=preferred]:checked')].map((i) => i.value),
      version: policy.version ?? null
    };
    return this.change(() => graphql(SET_POLICY, { contactId: this.me.id, input }), t('rules.saved'));
  }

  render() {
    if (!this.me) return '';
    const p = this.me.policy || {};
    const zone = p.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const channels = [...new Set((this.me.contactPoints || []).map((c) => c.channel))];
    const hasQuiet = Boolean(p.quietHoursStart);
    return html`
      <h2 id="rules">${t('rules.title')}</h2>
      <form @submit=${(e) => this.save(submitted(e).form)}>
        <fieldset>
          <legend>${t('rules.quiet')}</legend>
          <label><input type="checkbox" name="quiet" .checked=${hasQuiet}> ${t('rules.quietOn')}</label>
          <div class="row">
            <div class="field"><label for="quiet-start">${t('rules.from')}</label>
              <input id="quiet-start" name="quietStart" type="time" .value=${p.quietHoursStart || '21:00'}></div>
            <div class="field"><label for="quiet-end">${t('rules.to')}</label>
              <input id="quiet-end" name="quietEnd" type="time" .value=${p.quietHoursEnd || '08:00'}></div>
            <div class="field"><label for="zone">${t('rules.zone')}</label>
              <select id="zone" name="timeZone">
                ${zones(zone).map((z) => html`<option value=${z} ?selected=${z === zone}>${z}</option>`)}
              </select></div>
          </div>
        </fieldset>
        <fieldset>
          <legend>${t('rules.cap')}</legend>
          <p class="muted">${p.capIsDefault && p.maxTouches ? t('rules.capDefault', { max: p.maxTouches, days: p.windowDays }) : t('rules.capIntro')}</p>
          <div class="row">
            <div class="field"><label for="max">${t('rules.atMost')}</label>
              <input id="max" name="maxTouches" type="number" min="0" max="1000" inputmode="numeric"
                .value=${p.capIsDefault || p.maxTouches == null ? '' : String(p.maxTouches)}></div>
            <div class="field"><label for="days">${t('rules.perDays')}</label>
              <input id="days" name="windowDays" type="number" min="1" max="366" inputmode="numeric"
                .value=${String(p.windowDays || 7)}></div>
          </div>
        </fieldset>
        ${channels.length ? html`
          <fieldset>
            <legend>${t('rules.preferred')}</legend>
            ${channels.map((c) => html`<label><input type="checkbox" name="preferred" value=${c}
              .checked=${(p.preferredChannels || []).includes(c)}> ${channelName(c)}</label> `)}
          </fieldset>` : ''}
        <fieldset>
          <legend>${t('rules.dnc')}</legend>
          <label><input type="checkbox" name="doNotContact" .checked=${Boolean(p.doNotContact)}> ${t('rules.dncOn')}</label>
          <p class="muted">${t('rules.dncWhat')}</p>
        </fieldset>
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('rules.save')}</button></div>
      </form>
      <div aria-live="polite">${this.done ? html`<p class="notice ok">${this.done}</p>` : ''}</div>
      ${errorNotice(this.problem)}`;
  }
}
customElements.define('pc-rules', RulesSection);

// Company rules (admin): caps per channel and purpose, quiet dates and quiet hours beside each person's own policy.
// Decisions apply them all (the strictest wins, each rule in the way is a reason); every change is audited.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, dateTime } from '../staff/common.js';

const CHANNELS = ['EMAIL', 'PHONE', 'SMS', 'WHATSAPP', 'POSTAL', 'LINKEDIN', 'X', 'INSTAGRAM', 'FACEBOOK'];
const RULES = `query CompanyRules { companyRules {
  caps { id channel purpose maxTouches windowDays note version }
  quietDates { id name startDate endDate channel fallbackTimeZone version }
  quietHours { id channel start end fallbackTimeZone version }
  transactionalPurposes defaultTimeZone }
  purposes { code }
  companyRuleChanges(first: 20) { id ruleKind action actor changedAt } }`;
const CREATE = {
  cap: `mutation CreateCap($in: CompanyCapInput!) { createCompanyCap(input: $in) { id } }`,
  dates: `mutation CreateQuietDates($in: CompanyQuietDatesInput!) { createCompanyQuietDates(input: $in) { id } }`,
  hours: `mutation CreateQuietHours($in: CompanyQuietHoursInput!) { createCompanyQuietHours(input: $in) { id } }`
};
const UPDATE_CAP = `mutation UpdateCap($id: ID!, $in: CompanyCapInput!) { updateCompanyCap(id: $id, input: $in) { id } }`;
const DELETE = {
  cap: `mutation DeleteCap($id: ID!) { deleteCompanyCap(id: $id) }`,
  dates: `mutation DeleteQuietDates($id: ID!) { deleteCompanyQuietDates(id: $id) }`,
  hours: `mutation DeleteQuietHours($id: ID!) { deleteCompanyQuietHours(id: $id) }`
};

/** A form's text field, or null when left empty (the API's "every channel", "no purpose", "default zone"). */
function optional(form, name) {
  const value = String(form.get(name) || '').trim();
  return value === '' ? null : value;
}

class CompanyRulesPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { data: { state: true }, error: { state: true }, notice: { state: true }, editing: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.data = await graphql(RULES);
    } catch (e) {
      this.error = e;
    }
  }

  async add(event, kind) {
    event.preventDefault();
    // the form itself, read now: once the event has been dispatched, event.target of an event in a shadow root is null
    const formElement = event.target;
    const form = new FormData(formElement);
    const inputs = {
      cap: () => ({ channel: optional(form, 'channel'), purpose: optional(form, 'purpose'),
        maxTouches: Number(form.get('maxTouches')), windowDays: Number(form.get('windowDays')), note: optional(form, 'note') }),
      dates: () => ({ name: String(form.get('name')).trim(), startDate: String(form.get('startDate')),
        endDate: String(form.get('endDate')), channel: optional(form, 'channel'), fallbackTimeZone: optional(form, 'fallbackTimeZone') }),
      hours: () => ({ channel: optional(form, 'channel'), start: String(form.get('start')), end: String(form.get('end')),
        fallbackTimeZone: optional(form, 'fallbackTimeZone') })
    };
    try {
      await graphql(CREATE[kind], { in: inputs[kind]() });
      formElement.reset();
      this.error = null;
      this.notice = t('rules.saved');
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  /** A cap's new limit; sent with the version read, so a change made meanwhile by someone else is refused. */
  async changeCap(event, cap) {
    event.preventDefault();
    // the form itself, read now: once the event has been dispatched, event.target of an event in a shadow root is null
    const formElement = event.target;
    const form = new FormData(formElement);
    const input = { channel: cap.channel, purpose: cap.purpose, note: cap.note, version: cap.version,
      maxTouches: Number(form.get('maxTouches')), windowDays: Number(form.get('windowDays')) };
    try {
      await graphql(UPDATE_CAP, { id: cap.id, in: input });
      this.error = null;
      this.editing = null;
      this.notice = t('rules.saved');
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  capLimit(c) {
    if (this.editing !== c.id) return t('rules.limitValue', { max: c.maxTouches, days: c.windowDays });
    return html`<form class="filters" @submit=${(e) => this.changeCap(e, c)}>
      <label>${t('rules.maxTouches')}<input name="maxTouches" type="number" min="0" max="1000" required size="4" .value=${String(c.maxTouches)}></label>
      <label>${t('rules.windowDays')}<input name="windowDays" type="number" min="1" max="366" required size="4" .value=${String(c.windowDays)}></label>
      <button type="submit">${t('common.save')}</button></form>`;
  }

  async remove(kind, id) {
    try {
      await graphql(DELETE[kind], { id });
      this.error = null;
      this.notice = t('rules.removed');
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  removeButton(kind, rule) {
    return html`<button type="button" class="secondary" @click=${() => this.remove(kind, rule.id)}>${t('rules.remove')}</button>`;
  }

  channelSelect() {
    return html`<label>${t('rules.channel')}<select name="channel"><option value="">${t('rules.everyChannel')}</option>
      ${CHANNELS.map((c) => html`<option value=${c}>${label('channel', c)}</option>`)}</select></label>`;
  }

  zoneField() {
    return html`<label>${t('rules.fallbackZone')}<input name="fallbackTimeZone" size="16" placeholder="Europe/Paris"></label>`;
  }

  caps(rules) {
    return html`<section class="card"><h2>${t('rules.caps')}</h2><p class="muted">${t('rules.capsIntro')}</p>
      ${table(t('rules.caps'), [
        { title: t('rules.channel'), cell: (c) => (c.channel ? label('channel', c.channel) : t('rules.everyChannel')) },
        { title: t('rules.purpose'), cell: (c) => (c.purpose ? html`<code>${c.purpose}</code>` : t('rules.everyPurpose')) },
        { title: t('rules.limit'), cell: (c) => this.capLimit(c) },
        { title: t('rules.note'), cell: (c) => html`<bdi>${c.note || ''}</bdi>` },
        { title: '', cell: (c) => html`${this.editing === c.id ? '' : html`<button type="button" class="secondary"
          @click=${() => { this.editing = c.id; }}>${t('rules.edit')}</button>`} ${this.removeButton('cap', c)}` }
      ], rules.caps, t('rules.none'))}
      <form class="filters" @submit=${(e) => this.add(e, 'cap')}>
        ${this.channelSelect()}
        <label>${t('rules.purpose')}<select name="purpose"><option value="">${t('rules.everyPurpose')}</option>
          ${(this.data.purposes || []).map((p) => html`<option value=${p.code}>${p.code}</option>`)}</select></label>
        <label>${t('rules.maxTouches')}<input name="maxTouches" type="number" min="0" max="1000" required size="4"></label>
        <label>${t('rules.windowDays')}<input name="windowDays" type="number" min="1" max="366" value="7" required size="4"></label>
        <label>${t('rules.note')}<input name="note" size="24"></label>
        <button type="submit">${t('rules.addCap')}</button></form></section>`;
  }

  quietDates(rules) {
    return html`<section class="card"><h2>${t('rules.quietDates')}</h2><p class="muted">${t('rules.quietDatesIntro')}</p>
      ${table(t('rules.quietDates'), [
        { title: t('rules.name'), cell: (d) => html`<bdi>${d.name}</bdi>` },
        { title: t('rules.from'), cell: (d) => html`<bdi>${d.startDate}</bdi>` },
        { title: t('rules.to'), cell: (d) => html`<bdi>${d.endDate}</bdi>` },
        { title: t('rules.channel'), cell: (d) => (d.channel ? label('channel', d.channel) : t('rules.everyChannel')) },
        { title: '', cell: (d) => this.removeButton('dates', d) }
      ], rules.quietDates, t('rules.none'))}
      <form class="filters" @submit=${(e) => this.add(e, 'dates')}>
        <label>${t('rules.name')}<input name="name" required size="16"></label>
        <label>${t('rules.from')}<input name="startDate" type="date" required></label>
        <label>${t('rules.to')}<input name="endDate" type="date" required></label>
        ${this.channelSelect()}${this.zoneField()}
        <button type="submit">${t('rules.addQuietDates')}</button></form></section>`;
  }

  quietHours(rules) {
    return html`<section class="card"><h2>${t('rules.quietHours')}</h2><p class="muted">${t('rules.quietHoursIntro')}</p>
      ${table(t('rules.quietHours'), [
        { title: t('rules.channel'), cell: (q) => (q.channel ? label('channel', q.channel) : t('rules.everyChannel')) },
        { title: t('rules.from'), cell: (q) => html`<bdi>${q.start}</bdi>` },
        { title: t('rules.to'), cell: (q) => html`<bdi>${q.end}</bdi>` },
        { title: t('rules.fallbackZone'), cell: (q) => q.fallbackTimeZone || '–' },
        { title: '', cell: (q) => this.removeButton('hours', q) }
      ], rules.quietHours, t('rules.none'))}
      <form class="filters" @submit=${(e) => this.add(e, 'hours')}>
        ${this.channelSelect()}
        <label>${t('rules.from')}<input name="start" type="time" required value="20:00"></label>
        <label>${t('rules.to')}<input name="end" type="time" required value="09:00"></label>
        ${this.zoneField()}
        <button type="submit">${t('rules.addQuietHours')}</button></form></section>`;
  }

  changes() {
    return html`<section class="card"><h2>${t('rules.changes')}</h2>
      ${table(t('rules.changes'), [
        { title: t('rules.when'), cell: (c) => dateTime(c.changedAt) },
        { title: t('rules.who'), cell: (c) => html`<bdi>${c.actor}</bdi>` },
        { title: t('rules.what'), cell: (c) => t('rules.change', { kind: label('rules.kind', c.ruleKind), action: label('rules.action', c.action) }) }
      ], this.data.companyRuleChanges, t('rules.none'))}</section>`;
  }

  render() {
    const rules = this.data && this.data.companyRules;
    return html`
      <h1>${t('rules.title')}</h1>
      <p class="muted">${t('rules.intro')}</p>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${!rules ? loadingNotice() : html`
        <p>${t('rules.exempt', { purposes: rules.transactionalPurposes.join(', ') || '–', zone: rules.defaultTimeZone })}</p>
        ${this.caps(rules)}${this.quietDates(rules)}${this.quietHours(rules)}${this.changes()}`}`;
  }
}
customElements.define('rapport-company-rules', CompanyRulesPage);

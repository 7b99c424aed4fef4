// Company rules (admin): caps per channel and purpose, quiet dates and quiet hours beside each person's own policy.
// Decisions apply them all (the strictest wins, each rule in the way is a reason); every change is audited.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted, fieldCheck } from '../shared/page.js';
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
const UPDATE = {
  cap: `mutation UpdateCap($id: ID!, $in: CompanyCapInput!) { updateCompanyCap(id: $id, input: $in) { id } }`,
  dates: `mutation UpdateQuietDates($id: ID!, $in: CompanyQuietDatesInput!) { updateCompanyQuietDates(id: $id, input: $in) { id } }`,
  hours: `mutation UpdateQuietHours($id: ID!, $in: CompanyQuietHoursInput!) { updateCompanyQuietHours(id: $id, input: $in) { id } }`
};
const DELETE = {
  cap: `mutation DeleteCap($id: ID!) { deleteCompanyCap(id: $id) }`,
  dates: `mutation DeleteQuietDates($id: ID!) { deleteCompanyQuietDates(id: $id) }`,
  hours: `mutation DeleteQuietHours($id: ID!) { deleteCompanyQuietHours(id: $id) }`
};

/**
 * What a form asks for, as the API's input. A field the form does not show keeps the rule's value (a cap's limit is
 * changed in its row; the rest stays); an empty optional field is null (the API's "every channel", "default zone").
 */
function readInput(kind, data, rule) {
  const text = (name) => (data.has(name) ? String(data.get(name)).trim() : (rule ? rule[name] : null));
  const optional = (name) => text(name) || null;
  const number = (name) => (data.has(name) ? Number(data.get(name)) : rule[name]);
  const input = {
    cap: () => ({ channel: optional('channel'), purpose: optional('purpose'), maxTouches: number('maxTouches'),
      windowDays: number('windowDays'), note: optional('note') }),
    dates: () => ({ name: text('name'), startDate: text('startDate'), endDate: text('endDate'), channel: optional('channel'),
      fallbackTimeZone: optional('fallbackTimeZone') }),
    hours: () => ({ channel: optional('channel'), start: text('start'), end: text('end'), fallbackTimeZone: optional('fallbackTimeZone') })
  }[kind]();
  // sent with the version read, so a change made meanwhile by someone else is refused (conflict)
  return rule ? { ...input, version: rule.version } : input;
}

/** Where a form's answer is shown: "dates-new" for the form that adds quiet dates, "dates-<id>" for changing one. */
function formKey(kind, rule) {
  return kind + '-' + (rule ? rule.id : 'new');
}

class CompanyRulesPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { data: { state: true }, error: { state: true }, notice: { state: true }, editing: { state: true },
    failure: { state: true } };

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

  /**
   * Adds a rule (rule null) or replaces one; a refusal is shown in the form sent, next to the fields it names. Fields
   * carry their first value as an attribute too, so a form emptied after adding shows its defaults again.
   */
  async save(event, kind, rule) {
    const { form, data } = submitted(event);
    const input = readInput(kind, data, rule);
    try {
      if (rule) await graphql(UPDATE[kind], { id: rule.id, in: input });
      else await graphql(CREATE[kind], { in: input });
      if (!rule) form.reset();
      this.failure = null;
      this.error = null;
      this.editing = null;
      this.notice = t('companyRules.saved');
      this.load();
    } catch (e) {
      this.notice = null;
      this.failure = { key: formKey(kind, rule), error: e };
    }
  }

  async remove(kind, id) {
    try {
      await graphql(DELETE[kind], { id });
      this.error = null;
      this.notice = t('companyRules.removed');
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  edit(kind, rule) {
    this.failure = null;
    this.editing = rule ? { kind, id: rule.id } : null;
  }

  isEditing(kind, rule) {
    return Boolean(this.editing && this.editing.kind === kind && this.editing.id === rule.id);
  }

  /** The row's buttons: change (opens its form) and remove. */
  rowActions(kind, rule, what) {
    return html`${this.isEditing(kind, rule) ? '' : html`<button type="button" class="secondary"
        aria-label=${t('companyRules.editOne', { what })} @click=${() => this.edit(kind, rule)}>${t('companyRules.edit')}</button>`}
      <button type="button" class="secondary" aria-label=${t('companyRules.removeOne', { what })}
        @click=${() => this.remove(kind, rule.id)}>${t('companyRules.remove')}</button>`;
  }

  /** The form's own answer: a refusal that names no field shown here (a conflict, a rule) is said at its foot. */
  formProblem(kind, rule) {
    const key = formKey(kind, rule);
    return this.failure && this.failure.key === key ? errorNotice(this.failure.error) : '';
  }

  /** The buttons at the foot of a form: add, or save and cancel when changing a rule. */
  formButtons(kind, rule, addLabel) {
    return rule ? html`<button type="submit">${t('common.save')}</button>
      <button type="button" class="secondary" @click=${() => this.edit(kind, null)}>${t('common.cancel')}</button>`
      : html`<button type="submit">${addLabel}</button>`;
  }

  channelSelect(check, selected) {
    const c = check('channel');
    return html`<span class="field"><label>${t('companyRules.channel')}<select name="channel" aria-invalid=${c.invalid} aria-describedby=${c.id}>
      <option value="">${t('companyRules.everyChannel')}</option>
      ${CHANNELS.map((ch) => html`<option value=${ch} ?selected=${selected === ch}>${label('channel', ch)}</option>`)}</select></label>${c.note}</span>`;
  }

  zoneField(check, value) {
    const c = check('fallbackTimeZone');
    return html`<span class="field"><label>${t('companyRules.fallbackZone')}<input name="fallbackTimeZone" size="16" placeholder="Europe/Paris"
      value=${value || ''} .value=${value || ''} aria-invalid=${c.invalid} aria-describedby=${c.id}></label>${c.note}</span>`;
  }

  /** A cap's limit, changed in its row. */
  capLimit(cap) {
    if (!this.isEditing('cap', cap)) return t('companyRules.limitValue', { max: cap.maxTouches, days: cap.windowDays });
    const check = fieldCheck(this.failure, formKey('cap', cap));
    return html`<form class="filters" @submit=${(e) => this.save(e, 'cap', cap)}>
      ${this.limitFields(check, cap)}${this.formButtons('cap', cap)}${this.formProblem('cap', cap)}</form>`;
  }

  limitFields(check, cap) {
    const max = check('maxTouches');
    const days = check('windowDays');
    return html`<span class="field"><label>${t('companyRules.maxTouches')}<input name="maxTouches" type="number" min="0" max="1000" required size="4"
        value=${cap ? String(cap.maxTouches) : ''} .value=${cap ? String(cap.maxTouches) : ''} aria-invalid=${max.invalid} aria-describedby=${max.id}></label>${max.note}</span>
      <span class="field"><label>${t('companyRules.windowDays')}<input name="windowDays" type="number" min="1" max="366" required size="4"
        value=${cap ? String(cap.windowDays) : '7'} .value=${cap ? String(cap.windowDays) : '7'} aria-invalid=${days.invalid} aria-describedby=${days.id}></label>${days.note}</span>`;
  }

  caps(rules) {
    const check = fieldCheck(this.failure, formKey('cap', null));
    const purpose = check('purpose');
    const note = check('note');
    return html`<section class="card"><h2>${t('companyRules.caps')}</h2><p class="muted">${t('companyRules.capsIntro')}</p>
      ${table(t('companyRules.caps'), [
        { title: t('companyRules.channel'), cell: (c) => (c.channel ? label('channel', c.channel) : t('companyRules.everyChannel')) },
        { title: t('companyRules.purpose'), cell: (c) => (c.purpose ? html`<code>${c.purpose}</code>` : t('companyRules.everyPurpose')) },
        { title: t('companyRules.limit'), cell: (c) => this.capLimit(c) },
        { title: t('companyRules.note'), cell: (c) => html`<bdi>${c.note || ''}</bdi>` },
        { title: '', cell: (c) => this.rowActions('cap', c, t('companyRules.limitValue', { max: c.maxTouches, days: c.windowDays })) }
      ], rules.caps, t('companyRules.none'))}
      <h3>${t('companyRules.addCap')}</h3>
      <form class="filters" @submit=${(e) => this.save(e, 'cap', null)}>
        ${this.channelSelect(check)}
        <span class="field"><label>${t('companyRules.purpose')}<select name="purpose" aria-invalid=${purpose.invalid} aria-describedby=${purpose.id}>
          <option value="">${t('companyRules.everyPurpose')}</option>
          ${(this.data.purposes || []).map((p) => html`<option value=${p.code}>${p.code}</option>`)}</select></label>${purpose.note}</span>
        ${this.limitFields(check, null)}
        <span class="field"><label>${t('companyRules.note')}<input name="note" size="24" aria-invalid=${note.invalid} aria-describedby=${note.id}></label>${note.note}</span>
        ${this.formButtons('cap', null, t('companyRules.addCap'))}${this.formProblem('cap', null)}</form></section>`;
  }

  /** Quiet dates: the form that adds them, or changes one (rule given). */
  datesForm(rule) {
    const check = fieldCheck(this.failure, formKey('dates', rule));
    const [name, from, to] = ['name', 'startDate', 'endDate'].map(check);
    return html`<form class="filters" aria-label=${rule ? t('companyRules.editOne', { what: rule.name }) : t('companyRules.addQuietDates')}
        @submit=${(e) => this.save(e, 'dates', rule)}>
      <span class="field"><label>${t('companyRules.name')}<input name="name" required size="16" value=${rule ? rule.name : ''} .value=${rule ? rule.name : ''}
        aria-invalid=${name.invalid} aria-describedby=${name.id}></label>${name.note}</span>
      <span class="field"><label>${t('companyRules.from')}<input name="startDate" type="date" required value=${rule ? rule.startDate : ''} .value=${rule ? rule.startDate : ''}
        aria-invalid=${from.invalid} aria-describedby=${from.id}></label>${from.note}</span>
      <span class="field"><label>${t('companyRules.to')}<input name="endDate" type="date" required value=${rule ? rule.endDate : ''} .value=${rule ? rule.endDate : ''}
        aria-invalid=${to.invalid} aria-describedby=${to.id}></label>${to.note}</span>
      ${this.channelSelect(check, rule && rule.channel)}${this.zoneField(check, rule && rule.fallbackTimeZone)}
      ${this.formButtons('dates', rule, t('companyRules.addQuietDates'))}${this.formProblem('dates', rule)}</form>`;
  }

  /** Quiet hours: the form that adds them, or changes one (rule given). */
  hoursForm(rule) {
    const check = fieldCheck(this.failure, formKey('hours', rule));
    const [from, to] = ['start', 'end'].map(check);
    const what = rule ? t('companyRules.hoursValue', { start: rule.start, end: rule.end }) : '';
    return html`<form class="filters" aria-label=${rule ? t('companyRules.editOne', { what }) : t('companyRules.addQuietHours')}
        @submit=${(e) => this.save(e, 'hours', rule)}>
      ${this.channelSelect(check, rule && rule.channel)}
      <span class="field"><label>${t('companyRules.from')}<input name="start" type="time" required value=${rule ? rule.start : '20:00'} .value=${rule ? rule.start : '20:00'}
        aria-invalid=${from.invalid} aria-describedby=${from.id}></label>${from.note}</span>
      <span class="field"><label>${t('companyRules.to')}<input name="end" type="time" required value=${rule ? rule.end : '09:00'} .value=${rule ? rule.end : '09:00'}
        aria-invalid=${to.invalid} aria-describedby=${to.id}></label>${to.note}</span>
      ${this.zoneField(check, rule && rule.fallbackTimeZone)}
      ${this.formButtons('hours', rule, t('companyRules.addQuietHours'))}${this.formProblem('hours', rule)}</form>`;
  }

  /** The rule being changed, when it is of this kind (its form replaces the "add" form's place above it). */
  edited(kind, rules) {
    return this.editing && this.editing.kind === kind ? rules.find((r) => r.id === this.editing.id) : null;
  }

  quietDates(rules) {
    const edited = this.edited('dates', rules.quietDates);
    return html`<section class="card"><h2>${t('companyRules.quietDates')}</h2><p class="muted">${t('companyRules.quietDatesIntro')}</p>
      ${table(t('companyRules.quietDates'), [
        { title: t('companyRules.name'), cell: (d) => html`<bdi>${d.name}</bdi>` },
        { title: t('companyRules.from'), cell: (d) => html`<bdi>${d.startDate}</bdi>` },
        { title: t('companyRules.to'), cell: (d) => html`<bdi>${d.endDate}</bdi>` },
        { title: t('companyRules.channel'), cell: (d) => (d.channel ? label('channel', d.channel) : t('companyRules.everyChannel')) },
        { title: t('companyRules.fallbackZone'), cell: (d) => d.fallbackTimeZone || '–' },
        { title: '', cell: (d) => this.rowActions('dates', d, d.name) }
      ], rules.quietDates, t('companyRules.none'))}
      ${edited ? html`<h3>${t('companyRules.editOne', { what: edited.name })}</h3>${this.datesForm(edited)}` : ''}
      <h3>${t('companyRules.addQuietDates')}</h3>${this.datesForm(null)}</section>`;
  }

  quietHours(rules) {
    const edited = this.edited('hours', rules.quietHours);
    const what = (q) => t('companyRules.hoursValue', { start: q.start, end: q.end });
    return html`<section class="card"><h2>${t('companyRules.quietHours')}</h2><p class="muted">${t('companyRules.quietHoursIntro')}</p>
      ${table(t('companyRules.quietHours'), [
        { title: t('companyRules.channel'), cell: (q) => (q.channel ? label('channel', q.channel) : t('companyRules.everyChannel')) },
        { title: t('companyRules.from'), cell: (q) => html`<bdi>${q.start}</bdi>` },
        { title: t('companyRules.to'), cell: (q) => html`<bdi>${q.end}</bdi>` },
        { title: t('companyRules.fallbackZone'), cell: (q) => q.fallbackTimeZone || '–' },
        { title: '', cell: (q) => this.rowActions('hours', q, what(q)) }
      ], rules.quietHours, t('companyRules.none'))}
      ${edited ? html`<h3>${t('companyRules.editOne', { what: what(edited) })}</h3>${this.hoursForm(edited)}` : ''}
      <h3>${t('companyRules.addQuietHours')}</h3>${this.hoursForm(null)}</section>`;
  }

  changes() {
    return html`<section class="card"><h2>${t('companyRules.changes')}</h2>
      ${table(t('companyRules.changes'), [
        { title: t('companyRules.when'), cell: (c) => dateTime(c.changedAt) },
        { title: t('companyRules.who'), cell: (c) => html`<bdi>${c.actor}</bdi>` },
        { title: t('companyRules.what'), cell: (c) => t('companyRules.change', { kind: label('companyRules.kind', c.ruleKind), action: label('companyRules.action', c.action) }) }
      ], this.data.companyRuleChanges, t('companyRules.none'))}</section>`;
  }

  render() {
    const rules = this.data && this.data.companyRules;
    return html`
      <h1>${t('companyRules.title')}</h1>
      <p class="muted">${t('companyRules.intro')}</p>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${!rules ? loadingNotice() : html`
        <p>${t('companyRules.exempt', { purposes: rules.transactionalPurposes.join(', ') || '–', zone: rules.defaultTimeZone })}</p>
        ${this.caps(rules)}${this.quietDates(rules)}${this.quietHours(rules)}${this.changes()}`}`;
  }
}
customElements.define('rapport-company-rules', CompanyRulesPage);

// Partner webhooks (admin): the subscriptions of the three services, a new one (URL, event types, description) whose
// signing secret is shown once, right after it is registered (or rotated), each subscription's delivery log with
// every attempt, replay from a moment, pause, resume and delete (docs/webhooks.md).
import { html, css } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted, fieldCheck, latest } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, num, dateTime } from '../staff/common.js';

/** The schema's WebhookEventType values (DocumentsMatchSchemaTest checks the list against gateway/schema.graphql). */
export const EVENT_TYPES = ['CONTACT_CREATED', 'CONTACT_UPDATED', 'CONTACT_MERGED', 'CONTACT_ERASED', 'IMPORT_COMPLETED',
  'CONSENT_CHANGED', 'OUTREACH_DECIDED', 'CASE_CONFIRMED', 'CASE_REOPENED', 'RESPONSE_RECEIVED'];
const SUBSCRIPTION = 'id service url description eventTypes status failingSince previousSecretValidUntil createdAt createdBy';
const LIST = `query WebhookSubscriptions { webhookSubscriptions { ${SUBSCRIPTION} } }`;
const REGISTER = `mutation RegisterWebhook($in: WebhookSubscriptionInput!) {
  registerWebhookSubscription(input: $in) { secret subscriptions { ${SUBSCRIPTION} } } }`;
const ROTATE = `mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret subscription { ${SUBSCRIPTION} } } }`;
const PAUSE = `mutation PauseWebhook($id: ID!) { pauseWebhookSubscription(id: $id) { id status } }`;
const RESUME = `mutation ResumeWebhook($id: ID!) { resumeWebhookSubscription(id: $id) { id status } }`;
const DELETE = `mutation DeleteWebhook($id: ID!) { deleteWebhookSubscription(id: $id) }`;
const REPLAY = `mutation ReplayWebhook($id: ID!, $from: DateTime!) { replayWebhookSubscription(id: $id, from: $from) }`;
const DELIVERIES = `query WebhookDeliveries($id: ID!, $after: String, $status: WebhookDeliveryStatus) {
  webhookDeliveries(subscriptionId: $id, first: 50, after: $after, status: $status) {
    nodes { id eventId eventType occurredAt status attempts lastStatusCode lastError deliveredAt nextAttemptAt replay contactId
      attemptLog { attemptedAt statusCode latencyMillis error } }
    pageInfo { hasNextPage endCursor } } }`;

/** An event type as partners read it in a webhook's body: CONTACT_CREATED is contact.created. */
function dotted(type) {
  return type.toLowerCase().replace('_', '.');
}

/** The value of a datetime-local field (the browser's zone) as an ISO instant. */
function instant(local) {
  return new Date(local).toISOString();
}

class WebhooksPage extends RapportPage {
  static styles = [pageStyles, staffStyles, css`
    .secret input, input.code { font-family: monospace; width: min(36rem, 100%); }
    details { margin: 0.5rem 0 1rem; }
    /* a phone's width: the address and description fields take the line, and no more */
    form .row .field { flex: 1 1 16rem; min-width: 0; }
    form .row label { display: flex; flex-direction: column; }
    form .row input { width: 100%; }
    .events { display: flex; flex-wrap: wrap; gap: 0 1rem; }
  `];

  static properties = { subscriptions: { state: true }, error: { state: true }, notice: { state: true }, failure: { state: true },
    secret: { state: true }, copied: { state: true }, selected: { state: true }, deliveries: { state: true },
    hasMore: { state: true }, confirming: { state: true }, busy: { state: true } };

  constructor() {
    super();
    this.deliveryRequests = latest();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.subscriptions = (await graphql(LIST)).webhookSubscriptions;
      if (this.selected) this.selected = this.subscriptions.find((s) => s.id === this.selected.id) || null;
    } catch (e) {
      this.error = e;
      // a service that is down: the others' subscriptions still arrive, beside the error that names it
      if (e.data && e.data.webhookSubscriptions) this.subscriptions = e.data.webhookSubscriptions;
    }
  }

  async register(event) {
    const { form, data } = submitted(event);
    const own = String(data.get('secret') || '').trim();
    const input = { url: String(data.get('url') || '').trim(), eventTypes: data.getAll('eventTypes'),
      description: String(data.get('description') || '').trim() || null, secret: own || null };
    this.failure = null;
    this.notice = null;
    this.busy = true;
    try {
      const { registerWebhookSubscription } = await graphql(REGISTER, { in: input });
      form.reset();
      if (own) {
        // the admin has it already: it is not shown back
        this.notice = t('webhooks.registeredOwn', { url: input.url });
      } else {
        // held by this page only until "stored"; it is never shown again
        this.secret = { value: registerWebhookSubscription.secret, url: input.url };
        this.copied = false;
      }
      await this.load();
    } catch (e) {
      this.failure = { key: 'register', error: e };
    }
    this.busy = false;
  }

  /** A new secret for one subscription, shown once like a registration's; the previous one signs too for a while. */
  async rotate(subscription) {
    this.error = null;
    this.notice = null;
    try {
      const { rotateWebhookSecret } = await graphql(ROTATE, { id: subscription.id });
      this.secret = { value: rotateWebhookSecret.secret, url: subscription.url,
        until: rotateWebhookSecret.subscription.previousSecretValidUntil };
      this.copied = false;
      this.confirming = null;
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  async copySecret() {
    try {
      await navigator.clipboard.writeText(this.secret.value);
      this.copied = 'yes';
    } catch (e) {
      const field = this.renderRoot.querySelector('#secret');
      field.focus();
      field.select();
      this.copied = 'select';
    }
  }

  /** Pause, resume or delete; then the list again. */
  async act(document, subscription, notice) {
    this.error = null;
    try {
      await graphql(document, { id: subscription.id });
      this.notice = notice;
      this.confirming = null;
      if (document === DELETE && this.selected && this.selected.id === subscription.id) this.selected = null;
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  async showLog(subscription, status = null) {
    this.selected = subscription;
    this.status = status;
    this.deliveries = null;
    await this.loadDeliveries(null);
  }

  async loadDeliveries(after) {
    try {
      const { webhookDeliveries } = await this.deliveryRequests(graphql(DELIVERIES, { id: this.selected.id, after, status: this.status || null }));
      this.deliveries = after ? [...this.deliveries, ...webhookDeliveries.nodes] : webhookDeliveries.nodes;
      this.after = webhookDeliveries.pageInfo.endCursor;
      this.hasMore = webhookDeliveries.pageInfo.hasNextPage;
    } catch (e) {
      this.error = e;
    }
  }

  async replay(event) {
    const { data } = submitted(event);
    this.failure = null;
    try {
      const { replayWebhookSubscription } = await graphql(REPLAY, { id: this.selected.id, from: instant(String(data.get('from'))) });
      this.notice = t('webhooks.replayed', { n: num(replayWebhookSubscription), count: replayWebhookSubscription });
      await this.loadDeliveries(null);
    } catch (e) {
      this.failure = { key: 'replay', error: e };
    }
  }

  render() {
    return html`
      <h1>${t('webhooks.title')}</h1>
      <p class="muted">${t('webhooks.intro')}</p>
      ${this.secret ? this.secretView() : ''}
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${!this.subscriptions ? loadingNotice() : this.list()}
      ${this.selected ? this.log() : ''}
      ${this.registerForm()}`;
  }

  secretView() {
    return html`<section class="card secret" aria-labelledby="secret-title">
      <h2 id="secret-title">${t('webhooks.secretTitle')}</h2>
      <p class="notice warn">${t('webhooks.secretOnce', { url: this.secret.url })}
        ${this.secret.until ? t('webhooks.previousUntil', { at: dateTime(this.secret.until) }) : ''}</p>
      <div class="row"><label for="secret">${t('webhooks.secret')}</label>
        <input id="secret" readonly .value=${this.secret.value} @focus=${(e) => e.target.select()}>
        <button type="button" @click=${this.copySecret}>${t('webhooks.copy')}</button></div>
      <p role="status">${this.copied === 'yes' ? t('webhooks.copied') : this.copied === 'select' ? t('webhooks.selectToCopy') : ''}</p>
      <button type="button" class="secondary" @click=${() => { this.secret = null; }}>${t('webhooks.stored')}</button>
    </section>`;
  }

  list() {
    return table(t('webhooks.title'), [
      { title: t('webhooks.url'), cell: (s) => html`<code><bdi>${s.url}</bdi></code>` },
      { title: t('webhooks.service'), cell: (s) => label('webhooks.service', s.service) },
      { title: t('webhooks.events'), cell: (s) => s.eventTypes.map((e) => html`<code class="reason">${dotted(e)}</code>`) },
      { title: t('webhooks.description'), cell: (s) => html`<bdi>${s.description || ''}</bdi>` },
      { title: t('webhooks.status'), cell: (s) => html`${label('webhooks.status', s.status)}${s.failingSince
        ? html`<br><span class="muted">${t('webhooks.failingSince', { at: dateTime(s.failingSince) })}</span>` : ''}` },
      { title: t('webhooks.created'), cell: (s) => html`${dateTime(s.createdAt)} <bdi>${s.createdBy || ''}</bdi>` },
      { title: '', cell: (s) => this.actions(s) }
    ], this.subscriptions, t('webhooks.none'));
  }

  actions(s) {
    // one address may have a subscription in each service: the buttons' names say which
    const named = (key) => t(key + 'One', { url: `${s.url} (${label('webhooks.service', s.service)})` });
    if (this.confirming === s.id) {
      return html`<button type="button" class="danger" @click=${() => this.act(DELETE, s, t('webhooks.deleted'))}>
          ${t('webhooks.deleteConfirm')}</button>
        <button type="button" class="secondary" @click=${() => { this.confirming = null; }}>${t('common.cancel')}</button>`;
    }
    return html`<div class="actions">
      <button type="button" class="secondary" aria-label=${named('webhooks.log')} @click=${() => this.showLog(s)}>${t('webhooks.log')}</button>
      ${s.status === 'ACTIVE'
        ? html`<button type="button" class="secondary" aria-label=${named('webhooks.pause')}
            @click=${() => this.act(PAUSE, s, t('webhooks.paused'))}>${t('webhooks.pause')}</button>`
        : html`<button type="button" class="secondary" aria-label=${named('webhooks.resume')}
            @click=${() => this.act(RESUME, s, t('webhooks.resumed'))}>${t('webhooks.resume')}</button>`}
      <button type="button" class="secondary" aria-label=${named('webhooks.rotate')}
        @click=${() => this.rotate(s)}>${t('webhooks.rotate')}</button>
      <button type="button" class="secondary" aria-label=${named('webhooks.delete')}
        @click=${() => { this.confirming = s.id; }}>${t('webhooks.delete')}</button></div>`;
  }

  log() {
    const s = this.selected;
    const check = fieldCheck(this.failure, 'replay');
    const from = check('from');
    return html`<section class="card" aria-labelledby="log-title">
      <h2 id="log-title">${t('webhooks.logTitle')} <code><bdi>${s.url}</bdi></code></h2>
      <div class="filters">
        <label>${t('webhooks.status')}<select @change=${(e) => this.showLog(s, e.target.value)}>
          <option value="">${t('webhooks.allDeliveries')}</option>
          ${['DELIVERED', 'PENDING'].map((v) => html`<option value=${v} ?selected=${this.status === v}>${label('webhooks.delivery', v)}</option>`)}
        </select></label>
        <button type="button" class="secondary" @click=${() => this.showLog(s, this.status)}>${t('webhooks.refresh')}</button>
      </div>
      ${!this.deliveries ? loadingNotice() : table(t('webhooks.logTitle'), [
        { title: t('webhooks.occurred'), cell: (d) => dateTime(d.occurredAt) },
        { title: t('webhooks.event'), cell: (d) => html`<code>${dotted(d.eventType)}</code>${d.replay ? html` <span class="tag">${t('webhooks.replay')}</span>` : ''}` },
        { title: t('webhooks.contact'), cell: (d) => (d.contactId ? html`<a href="/staff/contacts/${d.contactId}">${t('webhooks.openContact')}</a>` : '') },
        { title: t('webhooks.status'), cell: (d) => label('webhooks.delivery', d.status) },
        { title: t('webhooks.answer'), num: true, cell: (d) => (d.lastStatusCode === null || d.lastStatusCode === undefined ? '–' : String(d.lastStatusCode)) },
        { title: t('webhooks.attempts'), cell: (d) => this.attempts(d) },
        { title: t('webhooks.when'), cell: (d) => (d.deliveredAt ? t('webhooks.deliveredAt', { at: dateTime(d.deliveredAt) })
          : d.nextAttemptAt ? t('webhooks.nextAttempt', { at: dateTime(d.nextAttemptAt) }) : '–') }
      ], this.deliveries, t('webhooks.noDeliveries'))}
      ${this.hasMore ? html`<div class="pager"><button class="secondary" @click=${() => this.loadDeliveries(this.after)}>${t('staff.more')}</button></div>` : ''}
      <h3>${t('webhooks.replayTitle')}</h3><p class="muted">${t('webhooks.replayIntro')}</p>
      <form class="filters" aria-label=${t('webhooks.replayTitle')} @submit=${this.replay}>
        <span class="field"><label>${t('webhooks.replayFrom')}<input name="from" type="datetime-local" required
          aria-invalid=${from.invalid} aria-describedby=${from.id}></label>${from.note}</span>
        <button type="submit">${t('webhooks.replayButton')}</button></form>
      ${this.failure && this.failure.key === 'replay' ? errorNotice(this.failure.error) : ''}
    </section>`;
  }

  /** Every attempt of a delivery: when, the receiver's answer (or none), how long it took, what failed. */
  attempts(d) {
    if (!d.attemptLog.length) return num(d.attempts);
    return html`<details><summary>${num(d.attempts)}</summary><ul class="plain">${d.attemptLog.map((a) => html`<li>
      ${dateTime(a.attemptedAt)}: ${a.statusCode === null || a.statusCode === undefined ? t('webhooks.noAnswer') : a.statusCode},
      ${t('webhooks.latency', { ms: num(a.latencyMillis) })}${a.error ? html` — <bdi>${a.error}</bdi>` : ''}</li>`)}</ul></details>`;
  }

  registerForm() {
    const check = fieldCheck(this.failure, 'register');
    const [url, events, description, secret] = ['url', 'eventTypes', 'description', 'secret'].map(check);
    return html`<section class="card"><h2>${t('webhooks.new')}</h2><p class="muted">${t('webhooks.newIntro')}</p>
      <form aria-label=${t('webhooks.new')} @submit=${this.register}>
        <div class="row">
          <span class="field"><label>${t('webhooks.url')}<input name="url" type="url" required maxlength="2000"
            placeholder="https://partner.example/rapport" aria-invalid=${url.invalid} aria-describedby=${url.id}></label>${url.note}</span>
          <span class="field"><label>${t('webhooks.description')}<input name="description" maxlength="500"
            aria-invalid=${description.invalid} aria-describedby=${description.id}></label>${description.note}</span>
        </div>
        <fieldset aria-describedby=${events.id}><legend>${t('webhooks.events')}</legend><div class="events">
          ${EVENT_TYPES.map((e) => html`<label><input type="checkbox" name="eventTypes" value=${e}>
            <span><code>${dotted(e)}</code> ${label('webhooks.eventText', e)}</span></label>`)}</div>${events.note}</fieldset>
        <details ?open=${secret.invalid === 'true'}><summary>${t('webhooks.ownSecret')}</summary>
          <p class="muted" id="own-secret-hint">${t('webhooks.ownSecretHint')}</p>
          <span class="field"><label>${t('webhooks.ownSecretField')}<input name="secret" class="code" autocomplete="off"
            spellcheck="false" maxlength="100" aria-invalid=${secret.invalid} aria-describedby="${secret.id} own-secret-hint"></label>${secret.note}</span>
        </details>
        <button type="submit" ?disabled=${this.busy}>${t('webhooks.register')}</button>
      </form>
      ${this.failure && this.failure.key === 'register' ? errorNotice(this.failure.error) : ''}</section>`;
  }
}
customElements.define('rapport-webhooks', WebhooksPage);

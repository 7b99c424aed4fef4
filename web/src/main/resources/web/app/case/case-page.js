// "Was your problem solved?": the case as the person told it, what staff did, and their answer: yes (the case counts
// as resolved) or no (it reopens). A confirmed case whose problem came back can be reopened.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { formatDateTime, t } from '../shared/i18n.js';
import { loadCase } from './load-case.js';

const CASE_FIELDS = 'id status problem openedAt resolvedAt confirmedAt reopenCount';
const CONFIRM = `mutation Confirm($id: ID!, $input: CaseConfirmationInput!) {
  confirmCase(id: $id, input: $input) { id status confirmedAt reopenCount }
}`;
const REOPEN = `mutation Reopen($id: ID!, $input: CaseReopeningInput!) {
  reopenCase(id: $id, input: $input) { id status reopenCount }
}`;

class CasePage extends RapportPage {
  static properties = { ...RapportPage.properties, theCase: { state: true }, problem: { state: true },
    busy: { state: true }, outcome: { state: true }, done: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  load() {
    return loadCase(this, CASE_FIELDS);
  }

  async send(event) {
    const comment = String(submitted(event).data.get('comment') || '').trim() || null;
    if (!this.outcome) {
      this.problem = { code: 'choose-answer' };
      return;
    }
    await this.run(async () => {
      if (this.theCase.status === 'CONFIRMED') {
        await graphql(REOPEN, { id: this.theCase.id, input: { note: comment } });
        return t('case.reopened');
      }
      await graphql(CONFIRM, { id: this.theCase.id, input: { outcome: this.outcome, comment } });
      return this.outcome === 'CONFIRMED' ? t('case.thanksSolved') : t('case.thanksNotSolved');
    });
  }

  async run(work) {
    this.busy = true;
    this.problem = null;
    try {
      this.done = await work();
      await this.load();
    } catch (e) {
      this.problem = e;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const title = html`<h1>${t('case.title')}</h1>`;
    if (!this.theCase) return html`${title}${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    const c = this.theCase;
    const settled = c.status === 'CONFIRMED';
    return html`
      ${title}
      <section class="card">
        <h2>${t('case.yourRequest')}</h2>
        <p class="body"><bdi>${c.problem}</bdi></p>
        <p class="muted">${t('case.opened', { date: formatDateTime(c.openedAt) })}
          ${c.resolvedAt ? html` · ${t('case.resolved', { date: formatDateTime(c.resolvedAt) })}` : ''}</p>
        <p><span class="tag">${t('caseStatus.' + c.status)}</span></p>
      </section>
      ${this.done ? html`<p class="notice ok" role="status">${this.done}</p>` : ''}
      ${c.status === 'OPEN' ? html`<p class="notice info">${t('case.inProgress')}</p>` : html`
      <form class="card" @submit=${this.send}>
        <fieldset>
          <legend>${settled ? t('case.cameBack') : t('case.question')}</legend>
          ${settled
            ? html`<label class="choice"><input type="radio" name="outcome" value="REOPEN" @change=${() => { this.outcome = 'REOPEN'; }}> ${t('case.reopen')}</label>`
            : html`
              <label class="choice"><input type="radio" name="outcome" value="CONFIRMED" @change=${() => { this.outcome = 'CONFIRMED'; }}> ${t('case.yes')}</label>
              <label class="choice"><input type="radio" name="outcome" value="NOT_RESOLVED" @change=${() => { this.outcome = 'NOT_RESOLVED'; }}> ${t('case.no')}</label>`}
        </fieldset>
        <label for="comment">${t('case.comment')}</label>
        <textarea id="comment" name="comment" maxlength="2000"></textarea>
        ${errorNotice(this.problem)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('case.send')}</button></div>
      </form>`}`;
  }
}
customElements.define('rapport-case', CasePage);

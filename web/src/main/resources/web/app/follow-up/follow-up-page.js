// "Does this work for you?" after a "you said, we did" notice: yes, partly or no, and why not. A NO opens a thread
// the person can come back to: staff answers appear here and the person may answer again.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { formatDateTime, t } from '../shared/i18n.js';
import './why-not-thread.js';

const FOLLOW_UP = `query FollowUp($id: ID!) {
  loopFollowUp(id: $id) { id actionId answer answeredAt askedAt threadId why initiative { id title } }
}`;
const ACTION = `query Action($id: ID!) { action(id: $id) { id decision description reason publishedAt } }`;
const ANSWER = `mutation Answer($id: ID!, $input: FollowUpAnswerInput!) {
  answerFollowUp(id: $id, input: $input) { id answer answeredAt threadId why }
}`;
const ANSWERS = ['YES', 'PARTLY', 'NO'];

class FollowUpPage extends RapportPage {
  static properties = {
    ...RapportPage.properties,
    followUp: { state: true }, action: { state: true }, choice: { state: true },
    problem: { state: true }, busy: { state: true }, saved: { state: true }
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.followUp = (await graphql(FOLLOW_UP, { id: this.params.followUpId })).loopFollowUp;
      if (!this.followUp) throw Object.assign(new Error('none'), { code: 'not-found' });
      if (this.followUp.actionId) {
        graphql(ACTION, { id: this.followUp.actionId }).then((d) => { this.action = d.action; }).catch(() => {});
      }
    } catch (e) {
      this.problem = e;
    }
  }

  async answer(event) {
    const { data } = submitted(event);
    const answer = this.choice;
    const why = String(data.get('why') || '').trim();
    if (!answer) {
      this.problem = { code: 'choose-answer' };
      return;
    }
    if (answer === 'NO' && !why) {
      this.problem = { code: 'why-needed' };
      return;
    }
    this.busy = true;
    this.problem = null;
    try {
      const answered = (await graphql(ANSWER, { id: this.followUp.id, input: { answer, why: why || null } })).answerFollowUp;
      this.followUp = { ...this.followUp, ...answered };
      this.saved = true;
    } catch (e) {
      this.problem = e;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const title = html`<h1>${t('followUp.title')}</h1>`;
    if (!this.followUp) return html`${title}${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    const f = this.followUp;
    return html`
      ${title}
      ${f.initiative ? html`<p class="about" data-initiative>${t('followUp.about')} <strong><bdi>${f.initiative.title}</bdi></strong></p>` : ''}
      ${this.action ? html`
        <section class="card">
          <h2>${t('followUp.weDid')}</h2>
          <p><strong>${t('decision.' + this.action.decision)}</strong></p>
          ${this.action.description ? html`<p><bdi>${this.action.description}</bdi></p>` : ''}
          ${this.action.reason ? html`<p class="muted"><bdi>${this.action.reason}</bdi></p>` : ''}
        </section>` : ''}
      ${f.answer ? html`<p class="notice ${this.saved ? 'ok' : 'info'}" role="status">
          ${t('followUp.yourAnswer', { answer: t('answer.' + f.answer), date: formatDateTime(f.answeredAt) })}</p>` : ''}
      <form class="card" @submit=${this.answer}>
        <fieldset>
          <legend>${f.answer ? t('followUp.again') : t('followUp.question')}</legend>
          ${ANSWERS.map((a) => html`<label class="choice"><input type="radio" name="answer" value=${a}
            .checked=${this.choice === a} @change=${() => { this.choice = a; }}> ${t('answer.' + a)}</label> `)}
        </fieldset>
        ${this.choice === 'NO' || this.choice === 'PARTLY' ? html`
          <label for="why">${t('followUp.why')}</label>
          <textarea id="why" name="why" maxlength="4000"></textarea>
          <p class="muted">${t('followUp.whyWhat')}</p>` : ''}
        ${errorNotice(this.problem)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('followUp.send')}</button></div>
      </form>
      ${f.threadId ? html`<rapport-why-not-thread .threadId=${f.threadId}></rapport-why-not-thread>` : ''}`;
  }
}
customElements.define('rapport-follow-up', FollowUpPage);

// The "why not" conversation: the messages, the person's and staff's, as text, oldest first ("Show more" reads on
// with `after`); the person may write again, and what they wrote is read on from the last message shown.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { formatDateTime, t } from '../shared/i18n.js';

const MESSAGES = `messages(first: 50, after: $after) {
    edges { cursor node { id author body answer createdAt fromStaff } } pageInfo { hasNextPage } }`;
const THREAD = `query Thread($id: ID!, $after: String) {
  whyNotThread(id: $id) { id status lastActivity ${MESSAGES} }
}`;
const POST = `mutation Post($id: ID!, $input: ThreadMessageInput!, $after: String) {
  postThreadMessage(threadId: $id, input: $input) { id status ${MESSAGES} }
}`;

class WhyNotThread extends RapportPage {
  static properties = { threadId: {}, thread: { state: true }, messages: { state: true }, more: { state: true },
    problem: { state: true }, busy: { state: true } };

  updated(changed) {
    if (changed.has('threadId') && this.threadId) {
      this.messages = [];
      this.load();
    }
  }

  /** The cursor of the last message shown: the conversation reads on after it. */
  get after() {
    return this.messages.length ? this.messages[this.messages.length - 1].cursor : null;
  }

  /** Takes the thread and the messages after those shown. */
  take(thread) {
    this.messages = [...this.messages, ...thread.messages.edges];
    this.more = thread.messages.pageInfo.hasNextPage;
    this.thread = thread;
  }

  async load() {
    try {
      this.take((await graphql(THREAD, { id: this.threadId, after: this.after })).whyNotThread);
    } catch (e) {
      this.problem = e;
    }
  }

  async post(event) {
    const { form: formElement, data } = submitted(event);
    const body = String(data.get('body') || '').trim();
    if (!body) return;
    this.busy = true;
    this.problem = null;
    try {
      this.take((await graphql(POST, { id: this.threadId, input: { body }, after: this.after })).postThreadMessage);
      formElement.reset();
    } catch (e) {
      this.problem = e;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!this.thread) return html`<h2>${t('thread.title')}</h2>${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    return html`
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">${t('thread.title')}</h2>
        <p class="muted">${t('thread.status.' + this.thread.status)}</p>
        <ol class="plain" data-thread>
          ${this.messages.map(({ node: m }) => html`
            <li class="card message ${m.fromStaff ? 'staff' : 'mine'}">
              <p class="muted">${m.fromStaff ? t('thread.fromUs') : t('thread.fromYou')} · ${formatDateTime(m.createdAt)}</p>
              ${m.answer ? html`<p class="answer" data-answer=${m.answer}><strong>${t('answer.' + m.answer)}</strong></p>` : ''}
              ${m.body ? html`<p class="body"><bdi>${m.body}</bdi></p>` : ''}
            </li>`)}
        </ol>
        ${this.more ? html`<button type="button" class="secondary" aria-label=${t('activity.more') + ': ' + t('thread.title')}
          @click=${() => this.load()}>${t('activity.more')}</button>` : ''}
        <form @submit=${this.post}>
          <label for="reply">${t('thread.reply')}</label>
          <textarea id="reply" name="body" maxlength="4000"></textarea>
          ${errorNotice(this.problem)}
          <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('thread.send')}</button></div>
        </form>
      </section>`;
  }
}
customElements.define('rapport-why-not-thread', WhyNotThread);

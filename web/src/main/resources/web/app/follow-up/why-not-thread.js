// The "why not" conversation: every message, the person's and staff's, as text; the person may write again.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { formatDateTime, t } from '../shared/i18n.js';

const THREAD = `query Thread($id: ID!) {
  whyNotThread(id: $id) { id status lastActivity messages { id author body createdAt fromStaff } }
}`;
const POST = `mutation Post($id: ID!, $input: ThreadMessageInput!) {
  postThreadMessage(threadId: $id, input: $input) { id status messages { id author body createdAt fromStaff } }
}`;

class WhyNotThread extends RapportPage {
  static properties = { threadId: {}, thread: { state: true }, problem: { state: true }, busy: { state: true } };

  updated(changed) {
    if (changed.has('threadId') && this.threadId) this.load();
  }

  async load() {
    try {
      this.thread = (await graphql(THREAD, { id: this.threadId })).whyNotThread;
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
      this.thread = (await graphql(POST, { id: this.threadId, input: { body } })).postThreadMessage;
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
          ${(this.thread.messages || []).map((m) => html`
            <li class="card message ${m.fromStaff ? 'staff' : 'mine'}">
              <p class="muted">${m.fromStaff ? t('thread.fromUs') : t('thread.fromYou')} · ${formatDateTime(m.createdAt)}</p>
              <p class="body"><bdi>${m.body}</bdi></p>
            </li>`)}
        </ol>
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

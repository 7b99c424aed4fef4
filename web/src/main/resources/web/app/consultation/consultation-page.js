// A consultation, from its invitation: the person sorts the initiatives into four buckets (any number of them: a
// partial answer is an answer), may comment on each, and chooses plainly whether to answer anonymously and whether we
// may reply. Native radio groups, so a keyboard alone does it (Tab between initiatives, arrows within one); one column
// that fits a 360 px phone even with 125 initiatives. A draft stays in this tab until it is sent.
import { html, css } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { pageStyles } from '../shared/styles.js';
import { graphql } from '../shared/graphql.js';
import { t, formatNumber } from '../shared/i18n.js';

export const BUCKETS = ['ESSENTIAL', 'IMPORTANT', 'LOW_BUT_IMPORTANT', 'NOT_IMPORTANT'];

const INVITATION = `query Invitation($after: String) { me { id invitations(first: 100, after: $after) {
  nodes { id consultationId consultationTitle responded } pageInfo { hasNextPage endCursor } } } }`;
const CONSULTATION = `query Consultation($id: ID!, $after: String) {
  consultation(id: $id) { id title status initiatives(first: 100, after: $after) {
    nodes { id title description position } pageInfo { hasNextPage endCursor } } }
}`;
const SUBMIT = `mutation Respond($input: ConsultationResponseInput!) {
  submitConsultationResponse(input: $input) { id anonymous submittedAt }
}`;

class ConsultationPage extends RapportPage {
  static properties = {
    ...RapportPage.properties,
    invitation: { state: true },
    consultation: { state: true },
    answers: { state: true },
    comments: { state: true },
    anonymous: { state: true },
    allowReply: { state: true },
    onlyOpen: { state: true },
    problem: { state: true },
    busy: { state: true },
    sent: { state: true }
  };

  static styles = [pageStyles, css`
    .initiative { padding: 0.6rem 0.75rem; margin: 0 0 0.6rem; }
    .initiative legend { font-weight: 600; padding: 0; float: inline-start; width: 100%; margin-bottom: 0.3rem; }
    .initiative .description { margin: 0 0 0.4rem; clear: both; }
    .buckets { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.3rem; clear: both; }
    .buckets label.bucket {
      display: flex; align-items: center; gap: 0.4rem; border: 1px solid var(--rapport-line);
      border-radius: var(--rapport-radius); padding: 0.35rem 0.5rem; min-height: 44px; box-sizing: border-box; margin: 0;
    }
    .buckets label.bucket:has(input:checked) { border-color: var(--rapport-accent); background: #e8f0fa; font-weight: 600; }
    .buckets input { margin: 0; width: 1.1rem; height: 1.1rem; min-height: 0; }
    .summary { position: sticky; top: 0; z-index: 1; background: var(--rapport-page); padding: 0.5rem 0; }
    .counts { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; margin: 0; padding: 0; list-style: none; font-size: 0.9rem; }
    details.comment summary { cursor: pointer; padding: 0.3rem 0; }
    .answered-mark { color: var(--rapport-good); font-weight: 400; font-size: 0.9rem; }
  `];

  constructor() {
    super();
    this.answers = {};
    this.comments = {};
    this.anonymous = false;
    this.allowReply = false;
    this.onlyOpen = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** The person's invitation this page is for, read page by page (newest first) until found. */
  async findInvitation() {
    let after = null;
    for (;;) {
      const page = (await graphql(INVITATION, { after })).me.invitations;
      const found = page && page.nodes.find((i) => i.id === this.params.invitationId);
      if (found) return found;
      if (!page || !page.pageInfo.hasNextPage) return null;
      after = page.pageInfo.endCursor;
    }
  }

  /** The consultation with every initiative: a person ranks them all, so the pages (100 each) are read to the end. */
  async readConsultation(id) {
    let after = null;
    let consultation = null;
    const initiatives = [];
    do {
      const found = (await graphql(CONSULTATION, { id, after })).consultation;
      if (!found) return null;
      consultation = found;
      initiatives.push(...found.initiatives.nodes);
      after = found.initiatives.pageInfo.hasNextPage ? found.initiatives.pageInfo.endCursor : null;
    } while (after);
    return { ...consultation, initiatives };
  }

  get draftKey() { return 'rapport.consultation-draft.' + this.params.invitationId; }

  async load() {
    try {
      this.invitation = await this.findInvitation();
      if (!this.invitation) throw Object.assign(new Error('no invitation'), { code: 'not-found' });
      this.consultation = await this.readConsultation(this.invitation.consultationId);
      const draft = JSON.parse(sessionStorage.getItem(this.draftKey) || 'null');
      if (draft) Object.assign(this, draft);
    } catch (e) {
      this.problem = e;
    }
  }

  keepDraft() {
    const { answers, comments, anonymous, allowReply } = this;
    sessionStorage.setItem(this.draftKey, JSON.stringify({ answers, comments, anonymous, allowReply }));
  }

  choose(initiativeId, bucket) {
    this.answers = { ...this.answers, [initiativeId]: bucket };
    this.keepDraft();
  }

  comment(initiativeId, text) {
    this.comments = { ...this.comments, [initiativeId]: text };
    this.keepDraft();
  }

  async submit(event) {
    event.preventDefault();
    const ratings = Object.entries(this.answers).map(([initiativeId, bucket]) => ({
      initiativeId, bucket, comment: (this.comments[initiativeId] || '').trim() || null
    }));
    if (!ratings.length) {
      this.problem = { code: 'nothing-ranked' };
      return;
    }
    this.busy = true;
    this.problem = null;
    try {
      await graphql(SUBMIT, { input: {
        invitationId: this.invitation.id, anonymous: this.anonymous, allowReply: this.anonymous && this.allowReply, ratings
      } });
      sessionStorage.removeItem(this.draftKey);
      this.sent = { count: ratings.length };
    } catch (e) {
      this.problem = e;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const title = html`<h1>${t('consultation.title')}</h1>`;
    if (this.sent) {
      return html`${title}<p class="notice ok" role="status">${t('consultation.thanks', { count: this.sent.count })}</p>
        <p>${this.anonymous ? (this.allowReply ? t('consultation.afterAnonymousReply') : t('consultation.afterAnonymous'))
          : t('consultation.afterNamed')}</p>`;
    }
    if (!this.consultation) return html`${title}${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    if (this.invitation.responded) return html`${title}<p class="notice info">${t('consultation.already')}</p>`;
    if (this.consultation.status && this.consultation.status !== 'OPEN') {
      return html`${title}<p class="notice info">${t('consultation.closed')}</p>`;
    }
    const initiatives = [...(this.consultation.initiatives || [])].sort((a, b) => a.position - b.position);
    const answered = Object.keys(this.answers).length;
    const shown = this.onlyOpen ? initiatives.filter((i) => !this.answers[i.id]) : initiatives;
    return html`
      ${title}
      <h2 class="consultation-name"><bdi>${this.consultation.title}</bdi></h2>
      <p>${t('consultation.intro')}</p>
      <p class="muted">${t('consultation.partial')}</p>
      <form @submit=${this.submit} novalidate>
        <div class="summary" role="status" aria-live="polite">
          <p><strong>${t('consultation.progress', { answered: formatNumber(answered), total: formatNumber(initiatives.length) })}</strong></p>
          <ul class="counts">${BUCKETS.map((b) => html`<li>${t('bucket.' + b)}: ${formatNumber(Object.values(this.answers).filter((x) => x === b).length)}</li>`)}</ul>
          <label><input type="checkbox" .checked=${this.onlyOpen} @change=${(e) => { this.onlyOpen = e.target.checked; }}> ${t('consultation.onlyOpen')}</label>
        </div>
        ${shown.map((initiative, index) => this.renderInitiative(initiative, index))}
        ${this.renderChoices()}
        ${errorNotice(this.problem)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('consultation.send', { count: answered })}</button></div>
      </form>`;
  }

  renderInitiative(initiative, index) {
    const name = 'b-' + initiative.id;
    const chosen = this.answers[initiative.id];
    return html`
      <fieldset class="initiative card" data-initiative=${initiative.id}>
        <legend><bdi>${initiative.title}</bdi>${chosen ? html` <span class="answered-mark">✓ ${t('bucket.' + chosen)}</span>` : ''}</legend>
        ${initiative.description ? html`<p class="description muted"><bdi>${initiative.description}</bdi></p>` : ''}
        <div class="buckets">
          ${BUCKETS.map((bucket) => html`
            <label class="bucket"><input type="radio" name=${name} value=${bucket} .checked=${chosen === bucket}
              @change=${() => this.choose(initiative.id, bucket)}> ${t('bucket.' + bucket)}</label>`)}
        </div>
        <details class="comment" ?open=${Boolean(this.comments[initiative.id])}>
          <summary>${t('consultation.addComment')}</summary>
          <label class="visually-hidden" for=${'comment-' + initiative.id}>${t('consultation.commentOn', { title: initiative.title })}</label>
          <textarea id=${'comment-' + initiative.id} maxlength="2000" .value=${this.comments[initiative.id] || ''}
            @change=${(e) => this.comment(initiative.id, e.target.value)}></textarea>
        </details>
      </fieldset>`;
  }

  renderChoices() {
    return html`
      <fieldset class="card">
        <legend>${t('consultation.whoTitle')}</legend>
        <label><input type="checkbox" name="anonymous" .checked=${this.anonymous}
          @change=${(e) => { this.anonymous = e.target.checked; this.keepDraft(); }}> ${t('consultation.anonymous')}</label>
        <p class="muted">${t('consultation.anonymousWhat')}</p>
        ${this.anonymous ? html`
          <label><input type="checkbox" name="allowReply" .checked=${this.allowReply}
            @change=${(e) => { this.allowReply = e.target.checked; this.keepDraft(); }}> ${t('consultation.allowReply')}</label>
          <p class="muted">${t('consultation.allowReplyWhat')}</p>` : html`<p class="muted">${t('consultation.namedWhat')}</p>`}
      </fieldset>`;
  }
}
customElements.define('rapport-consultation', ConsultationPage);

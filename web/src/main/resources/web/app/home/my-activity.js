// A logged-in person's own open business: consultations they are invited to, "does this work for you?" questions and
// their requests (cases), each linking to its page.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { formatDateTime, t, usePersonLanguage } from '../shared/i18n.js';

// Each list is a connection: the first page comes with the person, "Show more" reads on with `after`.
const PAGE = 'pageInfo { hasNextPage endCursor }';
const INVITATION = 'id consultationTitle responded createdAt';
const FOLLOW_UP = 'id answer askedAt threadId initiative { id title }';
const CASE = 'id problem status openedAt';
const MINE = `query Mine {
  me { id displayName language
    invitations(first: 20) { nodes { ${INVITATION} } ${PAGE} }
    loopFollowUps(first: 20) { nodes { ${FOLLOW_UP} } ${PAGE} }
    cases(first: 20) { nodes { ${CASE} } ${PAGE} }
  }
}`;
const MORE = {
  invitations: `query MoreInvitations($after: String) { me { id invitations(first: 20, after: $after) { nodes { ${INVITATION} } ${PAGE} } } }`,
  loopFollowUps: `query MoreFollowUps($after: String) { me { id loopFollowUps(first: 20, after: $after) { nodes { ${FOLLOW_UP} } ${PAGE} } } }`,
  cases: `query MoreCases($after: String) { me { id cases(first: 20, after: $after) { nodes { ${CASE} } ${PAGE} } } }`
};

class MyActivity extends RapportPage {
  static properties = { ...RapportPage.properties, me: { state: true }, problem: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    graphql(MINE).then((d) => { this.me = d.me; usePersonLanguage(d.me && d.me.language); })
      .catch((e) => { this.problem = e; });
  }

  /** The next page of one list, after its last item shown. */
  async more(field) {
    try {
      const page = (await graphql(MORE[field], { after: this.me[field].pageInfo.endCursor })).me[field];
      this.me = { ...this.me, [field]: { nodes: [...this.me[field].nodes, ...page.nodes], pageInfo: page.pageInfo } };
    } catch (e) {
      this.problem = e;
    }
  }

  render() {
    const title = html`<h1>${t('activity.title')}</h1>`;
    if (!this.me) return html`${title}${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    const m = this.me;
    return html`
      ${title}
      <p>${t('preferences.hello', { name: m.displayName || '' })} <a href="/preferences">${t('nav.preferences')}</a></p>
      <h2>${t('activity.consultations')}</h2>
      ${this.list('invitations', t('activity.consultations'), (i) => html`<a href=${'/consultation/' + encodeURIComponent(i.id)}><bdi>${i.consultationTitle || t('consultation.title')}</bdi></a>
        <span class="muted">${i.responded ? t('activity.answered') : t('activity.waiting')}</span>`)}
      <h2>${t('activity.followUps')}</h2>
      ${this.list('loopFollowUps', t('activity.followUps'), (f) => html`<a href=${'/follow-up/' + encodeURIComponent(f.id)}><bdi>${f.initiative ? f.initiative.title : t('followUp.title')}</bdi></a>
        <span class="muted">${formatDateTime(f.askedAt)} · ${f.answer ? t('answer.' + f.answer) : t('activity.waiting')}</span>`)}
      <h2>${t('activity.cases')}</h2>
      ${this.list('cases', t('activity.cases'), (c) => html`<a href=${'/case/' + encodeURIComponent(c.id)}><bdi>${c.problem}</bdi></a>
        <span class="muted">${t('caseStatus.' + c.status)} · ${formatDateTime(c.openedAt)}</span>
        ${c.status !== 'OPEN' ? html` · <a href=${'/rating/' + encodeURIComponent(c.id)}>${t('activity.rate')}</a>` : ''}`)}`;
  }

  list(field, title, row) {
    const list = this.me[field];
    if (!list || !list.nodes.length) return html`<p class="muted">${t('activity.none')}</p>`;
    return html`<ul>${list.nodes.map((i) => html`<li>${row(i)}</li>`)}</ul>
      ${list.pageInfo.hasNextPage ? html`<button type="button" class="secondary" aria-label=${t('activity.more') + ': ' + title}
        @click=${() => this.more(field)}>${t('activity.more')}</button>` : ''}`;
  }
}
customElements.define('rapport-my-activity', MyActivity);

// A logged-in person's own open business: consultations they are invited to, "does this work for you?" questions and
// their requests (cases), each linking to its page.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { formatDateTime, t, usePersonLanguage } from '../shared/i18n.js';

const MINE = `query Mine {
  me { id displayName language
    invitations(first: 50) { id consultationTitle responded createdAt }
    loopFollowUps { id answer askedAt threadId }
    cases(first: 50) { id problem status openedAt }
  }
}`;

class MyActivity extends RapportPage {
  static properties = { ...RapportPage.properties, me: { state: true }, problem: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    graphql(MINE).then((d) => { this.me = d.me; usePersonLanguage(d.me && d.me.language); })
      .catch((e) => { this.problem = e; });
  }

  render() {
    const title = html`<h1>${t('activity.title')}</h1>`;
    if (!this.me) return html`${title}${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    const m = this.me;
    return html`
      ${title}
      <p>${t('preferences.hello', { name: m.displayName || '' })} <a href="/preferences">${t('nav.preferences')}</a></p>
      <h2>${t('activity.consultations')}</h2>
      ${this.list(m.invitations, (i) => html`<a href=${'/consultation/' + encodeURIComponent(i.id)}><bdi>${i.consultationTitle || t('consultation.title')}</bdi></a>
        <span class="muted">${i.responded ? t('activity.answered') : t('activity.waiting')}</span>`)}
      <h2>${t('activity.followUps')}</h2>
      ${this.list(m.loopFollowUps, (f) => html`<a href=${'/follow-up/' + encodeURIComponent(f.id)}>${t('followUp.title')}</a>
        <span class="muted">${formatDateTime(f.askedAt)} · ${f.answer ? t('answer.' + f.answer) : t('activity.waiting')}</span>`)}
      <h2>${t('activity.cases')}</h2>
      ${this.list(m.cases, (c) => html`<a href=${'/case/' + encodeURIComponent(c.id)}><bdi>${c.problem}</bdi></a>
        <span class="muted">${t('caseStatus.' + c.status)} · ${formatDateTime(c.openedAt)}</span>
        ${c.status !== 'OPEN' ? html` · <a href=${'/rating/' + encodeURIComponent(c.id)}>${t('activity.rate')}</a>` : ''}`)}`;
  }

  list(items, row) {
    if (!items || !items.length) return html`<p class="muted">${t('activity.none')}</p>`;
    return html`<ul>${items.map((i) => html`<li>${row(i)}</li>`)}</ul>`;
  }
}
customElements.define('rapport-my-activity', MyActivity);

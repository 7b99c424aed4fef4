// 1–5 stars for how a case was handled, with an optional comment. The stars are a native radio group: arrows change
// the choice, and each star says its number in words to a screen reader.
import { html, css } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted } from '../shared/page.js';
import { pageStyles } from '../shared/styles.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { loadCase } from '../case/load-case.js';

const CASE_FIELDS = 'id contactId problem status';
const RATE = `mutation Rate($input: RatingInput!, $key: String) { rate(input: $input, idempotencyKey: $key) { id stars } }`;

class RatingPage extends RapportPage {
  static properties = { ...RapportPage.properties, theCase: { state: true }, stars: { state: true },
    problem: { state: true }, busy: { state: true }, rated: { state: true } };

  static styles = [pageStyles, css`
    .stars { display: flex; gap: 0.25rem; border: 0; padding: 0; margin: 0 0 0.5rem; }
    .stars label.star { cursor: pointer; font-size: 2rem; line-height: 1; color: #8a95a3; min-width: 44px; min-height: 44px;
      display: inline-flex; align-items: center; justify-content: center; position: relative; }
    .stars label.star.on { color: #b36b00; }
    .stars input { position: absolute; opacity: 0; width: 100%; height: 100%; margin: 0; cursor: pointer; }
    .stars label:has(input:focus-visible) { outline: 3px solid var(--rapport-focus); outline-offset: 2px; border-radius: 4px; }
  `];

  connectedCallback() {
    super.connectedCallback();
    this.key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    this.load();
  }

  load() {
    return loadCase(this, CASE_FIELDS);
  }

  async send(event) {
    const { data } = submitted(event);
    if (!this.stars) {
      this.problem = { code: 'choose-stars' };
      return;
    }
    const comment = String(data.get('comment') || '').trim() || null;
    this.busy = true;
    this.problem = null;
    try {
      this.rated = (await graphql(RATE, { key: this.key, input: {
        subjectType: 'CASE', subjectId: this.theCase.id, contactId: this.theCase.contactId, stars: this.stars, comment
      } })).rate;
    } catch (e) {
      this.problem = e;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const title = html`<h1>${t('rating.title')}</h1>`;
    if (this.rated) return html`${title}<p class="notice ok" role="status">${t('rating.thanks', { stars: this.rated.stars, count: this.rated.stars })}</p>`;
    if (!this.theCase) return html`${title}${this.problem ? errorNotice(this.problem) : loadingNotice()}`;
    return html`
      ${title}
      <section class="card"><h2>${t('rating.about')}</h2><p class="body"><bdi>${this.theCase.problem}</bdi></p></section>
      <form class="card" @submit=${this.send}>
        <fieldset class="stars">
          <legend class="visually-hidden">${t('rating.question')}</legend>
          ${[1, 2, 3, 4, 5].map((n) => html`
            <label class=${this.stars >= n ? 'star on' : 'star'} title=${t('rating.star', { n })}>
              <input type="radio" name="stars" value=${n} aria-label=${t('rating.star', { n })} .checked=${this.stars === n}
                @change=${() => { this.stars = n; }}>
              <span aria-hidden="true">${this.stars >= n ? '★' : '☆'}</span>
            </label>`)}
        </fieldset>
        <p aria-live="polite">${this.stars ? t('rating.chosen', { n: this.stars }) : t('rating.question')}</p>
        <label for="comment">${t('rating.comment')}</label>
        <textarea id="comment" name="comment" maxlength="2000"></textarea>
        ${errorNotice(this.problem)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('rating.send')}</button></div>
      </form>`;
  }
}
customElements.define('rapport-rating', RatingPage);

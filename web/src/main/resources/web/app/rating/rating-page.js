import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { t } from '../shared/i18n.js';

class RatingPage extends RapportPage {
  render() {
    return html`<h1>${t('rating.title')}</h1>`;
  }
}
customElements.define('rapport-rating', RatingPage);

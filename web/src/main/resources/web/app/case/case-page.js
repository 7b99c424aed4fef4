import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { t } from '../shared/i18n.js';

class CasePage extends RapportPage {
  render() {
    return html`<h1>${t('case.title')}</h1>`;
  }
}
customElements.define('rapport-case', CasePage);

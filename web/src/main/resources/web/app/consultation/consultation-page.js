import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { t } from '../shared/i18n.js';

class ConsultationPage extends RapportPage {
  render() {
    return html`<h1>${t('consultation.title')}</h1>`;
  }
}
customElements.define('rapport-consultation', ConsultationPage);

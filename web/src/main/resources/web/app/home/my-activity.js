import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { t } from '../shared/i18n.js';

class MyActivity extends RapportPage {
  render() {
    return html`<h1>${t('activity.title')}</h1>`;
  }
}
customElements.define('rapport-my-activity', MyActivity);

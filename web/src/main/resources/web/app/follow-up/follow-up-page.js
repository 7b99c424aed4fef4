import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { t } from '../shared/i18n.js';

class FollowUpPage extends RapportPage {
  render() {
    return html`<h1>${t('followUp.title')}</h1>`;
  }
}
customElements.define('rapport-follow-up', FollowUpPage);

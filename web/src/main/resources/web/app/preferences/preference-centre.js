import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { t } from '../shared/i18n.js';

class PreferenceCentre extends RapportPage {
  render() {
    return html`<h1>${t('preferences.title')}</h1>`;
  }
}
customElements.define('rapport-preference-centre', PreferenceCentre);

// The staff console's start: what a staff member can do from here.
import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { t } from '../shared/i18n.js';

class StaffHome extends RapportPage {
  render() {
    return html`<h1>${t('staff.title')}</h1><p>${t('staff.intro')}</p>`;
  }
}
customElements.define('rapport-staff-home', StaffHome);

// The staff console's start: the views this staff member's roles give them.
import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { currentUser, hasAnyRole } from '../shared/auth.js';
import { t } from '../shared/i18n.js';
import { staffRoutes } from './routes.js';
import { staffStyles } from './common.js';
import { pageStyles } from '../shared/styles.js';

class StaffHome extends RapportPage {
  static styles = [pageStyles, staffStyles];

  render() {
    const user = currentUser();
    const views = staffRoutes.filter((r) => r.nav && r.path !== '/staff' && hasAnyRole(user, r.roles));
    return html`<h1>${t('staff.title')}</h1><p>${t('staff.intro')}</p>
      <h2>${t('staff.views')}</h2>
      <ul class="grid plain">${views.map((r) => html`<li class="card"><a href=${r.path}>${t(r.nav)}</a></li>`)}</ul>`;
  }
}
customElements.define('rapport-staff-home', StaffHome);

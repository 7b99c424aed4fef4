// The start: a person is sent to their own pages, a staff member to the console; someone not logged in is told what
// the pages are for and how to get in.
import { html } from 'lit';
import { RapportPage } from '../shared/page.js';
import { currentUser, login, loginAvailable } from '../shared/auth.js';
import { navigate } from '../shared/router.js';
import { t } from '../shared/i18n.js';

class RapportHome extends RapportPage {
  static properties = { canLogin: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    const user = currentUser();
    if (user && user.kind === 'link') {
      navigate('/link', { replace: true });
    } else if (user && user.staff) {
      navigate('/staff', { replace: true });
    } else if (user && user.contact) {
      navigate('/me', { replace: true });
    }
    loginAvailable().then((available) => { this.canLogin = available; });
  }

  render() {
    return html`
      <h1>${t('home.title')}</h1>
      <p>${t('home.intro')}</p>
      <p class="muted">${t('home.fromMessage')}</p>
      ${this.canLogin ? html`<div class="actions"><button type="button" @click=${() => login('/')}>${t('auth.login')}</button></div>` : ''}`;
  }
}
customElements.define('rapport-home', RapportHome);

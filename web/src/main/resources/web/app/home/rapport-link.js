// /link#<token>: a link from a message. The token leaves the address bar before anything else, is exchanged once at
// the gateway for a short session that may do only what the link is for, and the page for that opens.
import { html } from 'lit';
import { RapportPage, describeError } from '../shared/page.js';
import { currentUser, startLinkSession, takeLinkToken } from '../shared/auth.js';
import { graphql } from '../shared/graphql.js';
import { navigate } from '../shared/router.js';
import { pathForLink } from '../routes.js';
import { t } from '../shared/i18n.js';

const OPEN_LINK_SESSION = `mutation OpenLinkSession($token: String!) {
  openLinkSession(token: $token) { accessToken expiresAt action ref contactId purpose }
}`;

class RapportLink extends RapportPage {
  static properties = { problem: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    const token = takeLinkToken(window.location);
    if (token) {
      this.open(token);
      return;
    }
    const user = currentUser();
    if (user && user.kind === 'link') {
      navigate(pathForLink(user.link.action, user.link.ref), { replace: true });
    } else {
      this.problem = t('link.missing');
    }
  }

  async open(token) {
    try {
      const data = await graphql(OPEN_LINK_SESSION, { token }, { anonymous: true });
      const session = data.openLinkSession;
      startLinkSession(session);
      navigate(pathForLink(session.action, session.ref), { replace: true });
    } catch (e) {
      this.problem = ['forbidden', 'unauthorized', 'invalid-input', 'not-found', 'invalid-link', 'link-expired']
        .includes(e.code) ? t('link.invalid') : describeError(e);
    }
  }

  render() {
    if (this.problem) {
      return html`<h1>${t('link.title')}</h1><p class="notice error" role="alert">${this.problem}</p><p>${t('link.help')}</p>`;
    }
    return html`<h1>${t('link.title')}</h1><p class="muted" role="status">${t('link.opening')}</p>`;
  }
}
customElements.define('rapport-link', RapportLink);

// Every page the app has, by address. A page is loaded the first time it is shown (its own chunk). roles: who may
// see it (any of them); none: anyone, logged in or not. The staff console's routes live in staff/routes.js.
import { staffRoutes } from './staff/routes.js';

export const personRoutes = [
  { path: '/', tag: 'rapport-home', load: () => import('./home/rapport-home.js') },
  { path: '/link', tag: 'rapport-link', load: () => import('./home/rapport-link.js') },
  { path: '/preferences', tag: 'rapport-preference-centre', roles: ['contact'], nav: 'nav.preferences',
    load: () => import('./preferences/preference-centre.js') },
  { path: '/me', tag: 'rapport-my-activity', roles: ['contact'], nav: 'nav.activity',
    load: () => import('./home/my-activity.js') },
  { path: '/consultation/:invitationId', tag: 'rapport-consultation', roles: ['contact'],
    load: () => import('./consultation/consultation-page.js') },
  { path: '/follow-up/:followUpId', tag: 'rapport-follow-up', roles: ['contact'],
    load: () => import('./follow-up/follow-up-page.js') },
  { path: '/case/:caseId', tag: 'rapport-case', roles: ['contact'], load: () => import('./case/case-page.js') },
  { path: '/rating/:caseId', tag: 'rapport-rating', roles: ['contact'], load: () => import('./rating/rating-page.js') },
  { path: '/renewal-offer/:offerId', tag: 'rapport-renewal-offer', roles: ['contact'],
    load: () => import('./renewal-offer/renewal-offer-page.js') }
];

export const routes = [...personRoutes, ...staffRoutes];

/** Where a link session of this action opens (LinkAction in the security module). */
export function pathForLink(action, ref) {
  const id = encodeURIComponent(ref || '');
  switch (action) {
    case 'CONSULTATION': return '/consultation/' + id;
    case 'FOLLOW_UP': return '/follow-up/' + id;
    case 'CASE': return '/case/' + id;
    case 'RATING': return '/rating/' + id;
    case 'RENEWAL_OFFER': return '/renewal-offer/' + id;
    default: return '/preferences';
  }
}

// The staff console's pages, by role (docs/roles.md): agents work contacts, signals, cases, duplicates and imports;
// marketers run consultations, outreach, renewals and segments (and read contacts); analysts read reports; agents and
// analysts read the segments marketers keep; admins
// everything, the purposes, the company rules and the partner webhooks. A page a role may not see answers "not
// available" even when its address is typed.
const STAFF = ['admin', 'agent', 'marketer', 'analyst'];
const PEOPLE = ['admin', 'agent', 'marketer'];
const AGENT = ['admin', 'agent'];
const MARKETER = ['admin', 'marketer'];
const ANALYST = ['admin', 'analyst'];
/** Who may save, change and delete segments; the other staff roles read them. */
export const SEGMENT_WRITERS = MARKETER;
/** Who may open a contact's page. */
export const CONTACT_READERS = PEOPLE;

export const staffRoutes = [
  { path: '/staff', tag: 'rapport-staff-home', roles: STAFF, nav: 'nav.staff', load: () => import('./staff-home.js') },
  { path: '/staff/contacts', tag: 'rapport-contacts', roles: PEOPLE, nav: 'nav.contacts', load: () => import('../contacts/contacts-page.js') },
  { path: '/staff/contacts/:id', tag: 'rapport-contact-360', roles: PEOPLE, load: () => import('../contact360/contact-page.js') },
  { path: '/staff/signals', tag: 'rapport-signals', roles: PEOPLE, nav: 'nav.signals', load: () => import('../signals/signals-page.js') },
  { path: '/staff/cases', tag: 'rapport-cases', roles: AGENT, nav: 'nav.cases', load: () => import('../cases/cases-page.js') },
  { path: '/staff/merge', tag: 'rapport-merge', roles: AGENT, nav: 'nav.merge', load: () => import('../merge/merge-page.js') },
  { path: '/staff/import', tag: 'rapport-import', roles: AGENT, nav: 'nav.import', load: () => import('../import/import-page.js') },
  { path: '/staff/consultations', tag: 'rapport-consultations', roles: MARKETER, nav: 'nav.consultations',
    load: () => import('../consultations/consultations-page.js') },
  { path: '/staff/consultations/:id', tag: 'rapport-consultation-admin', roles: MARKETER,
    load: () => import('../consultations/consultation-page.js') },
  { path: '/staff/outreach', tag: 'rapport-outreach', roles: MARKETER, nav: 'nav.outreach', load: () => import('../outreach/outreach-page.js') },
  { path: '/staff/renewals', tag: 'rapport-renewals', roles: MARKETER, nav: 'nav.renewals', load: () => import('../renewals/renewals-page.js') },
  { path: '/staff/segments', tag: 'rapport-segments', roles: STAFF, nav: 'nav.segments', load: () => import('../segments/segments-page.js') },
  { path: '/staff/segments/:id', tag: 'rapport-segment', roles: STAFF, load: () => import('../segments/segment-page.js') },
  { path: '/staff/reports', tag: 'rapport-reports', roles: ANALYST, nav: 'nav.reports', load: () => import('../reports/reports-page.js') },
  { path: '/staff/purposes', tag: 'rapport-purposes', roles: ['admin'], nav: 'nav.purposes', load: () => import('../admin/purposes-page.js') },
  { path: '/staff/company-rules', tag: 'rapport-company-rules', roles: ['admin'], nav: 'nav.companyRules',
    load: () => import('../admin/company-rules-page.js') },
  { path: '/staff/webhooks', tag: 'rapport-webhooks', roles: ['admin'], nav: 'nav.webhooks', load: () => import('../webhooks/webhooks-page.js') }
];

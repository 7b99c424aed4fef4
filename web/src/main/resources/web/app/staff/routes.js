// The staff console's pages (roles admin, agent, marketer, analyst). Each route: { path, tag, roles, nav, load }.
const STAFF = ['admin', 'agent', 'marketer', 'analyst'];

export const staffRoutes = [
  { path: '/staff', tag: 'rapport-staff-home', roles: STAFF, nav: 'nav.staff', load: () => import('./staff-home.js') }
];

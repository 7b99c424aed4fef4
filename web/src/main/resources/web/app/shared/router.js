// A tiny path router. Routes are { path: '/consultation/:id', load: () => import(…), tag, roles, title } where load
// brings the page's module on demand (one chunk per page) and tag is the custom element it defines. The server answers
// every page address with index.html (PageRoutes), so deep links and reloads land here. Links inside the app are
// ordinary <a href="/…"> elements: clicks on them are routed without a reload, also from inside shadow roots.
const routes = [];
const changes = new EventTarget();

export function addRoutes(list) {
  list.forEach((route) => {
    const names = [];
    const source = route.path.replace(/\/:(\w+)/g, (m, name) => { names.push(name); return '/([^/]+)'; });
    routes.push({ ...route, names, pattern: new RegExp('^' + source + '/?$') });
  });
}

/** The route for a path and its decoded parameters, or null. */
export function match(path) {
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (m) {
      const params = {};
      route.names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]); });
      return { route, params };
    }
  }
  return null;
}

export function currentPath() { return window.location.pathname; }

export function navigate(path, { replace = false } = {}) {
  if (path === window.location.pathname + window.location.search && !replace) return;
  window.history[replace ? 'replaceState' : 'pushState'](null, '', path);
  changes.dispatchEvent(new Event('change'));
}

export function onRouteChange(listener) {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

/** Starts listening to Back/Forward and to clicks on same-origin links the router knows. */
export function startRouter() {
  window.addEventListener('popstate', () => changes.dispatchEvent(new Event('change')));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download') || !anchor.href) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || !match(url.pathname)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

// The deployment's settings (GET /config.json): where the gateway and the sign-in service are. Read once.
let pending;

export function settings() {
  if (!pending) {
    pending = fetch('/config.json', { headers: { Accept: 'application/json' } }).then((response) => {
      if (!response.ok) throw new Error('settings: HTTP ' + response.status);
      return response.json();
    });
    pending.catch(() => { pending = undefined; });
  }
  return pending;
}

// A part of the preference centre: re-renders on language change, reports a saved change to the page (which reloads
// what it shows from the services, so the page always shows what the ledger says).
import { RapportPage } from '../shared/page.js';

export class PreferenceSection extends RapportPage {
  static properties = {
    me: { attribute: false },
    purposes: { attribute: false },
    busy: { state: true },
    problem: { state: true },
    done: { state: true }
  };

  /** Runs a change, shows its outcome, and asks the page to reload. */
  async change(work, doneMessage) {
    this.busy = true;
    this.problem = null;
    this.done = null;
    try {
      await work();
      this.done = doneMessage;
      this.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
    } catch (e) {
      this.problem = e;
    } finally {
      this.busy = false;
    }
  }
}

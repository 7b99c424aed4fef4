// Import: upload a CSV file of people, watch its progress live (the importProgress subscription over
// graphql-transport-ws, the token in connection_init — never in the address), then download the rows that were not
// imported, each with its line, column and reason, as a CSV built in the page.
import { html } from 'lit';
import { RapportPage, errorNotice, submitted } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { accessToken } from '../shared/auth.js';
import { settings } from '../shared/settings.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, num, pct, table, downloadCsv } from '../staff/common.js';

const MAX_BYTES = 1024 * 1024;
const JOB = 'id fileName mode status total processed imported created matched updated failed progress failure';
const IMPORT = `mutation($csv: String!, $file: String!, $key: String!, $mode: ImportMode!) {
  importContacts(csv: $csv, fileName: $file, idempotencyKey: $key, mode: $mode) { ${JOB} } }`;
const MODES = ['CREATE', 'UPSERT'];
const PROGRESS = `subscription($id: ID!) { importProgress(id: $id) { ${JOB} } }`;
const ERRORS = `query($id: ID!, $after: String) { importErrors(id: $id, first: 100, after: $after) {
  nodes { line field message } pageInfo { hasNextPage endCursor } } }`;

class ImportPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { job: { state: true }, error: { state: true }, errors: { state: true }, busy: { state: true } };

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.socket) this.socket.close();
  }

  async upload(event) {
    const { form, data } = submitted(event);
    this.error = null;
    this.errors = null;
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    const mode = data.get('mode') || 'CREATE';
    if (file.size > MAX_BYTES) {
      this.error = { code: 'limit-exceeded' };
      return;
    }
    this.busy = true;
    try {
      const csv = await file.text();
      // The same file in the same mode is the same job (a second click resumes it); another mode is another job.
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(file.name + '\n' + mode + '\n' + csv));
      const key = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 40);
      const { importContacts } = await graphql(IMPORT, { csv, file: file.name, key, mode });
      this.job = importContacts;
      await this.follow(importContacts.id);
    } catch (e) {
      this.error = e;
      this.busy = false;
    }
  }

  /** Follows the job over a WebSocket (graphql-transport-ws) until it is finished. */
  async follow(id) {
    const { graphqlUrl } = await settings();
    const url = new URL(graphqlUrl, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = await accessToken();
    const socket = new WebSocket(url.href, 'graphql-transport-ws');
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: 'Bearer ' + token } }));
    socket.onmessage = (message) => {
      const m = JSON.parse(message.data);
      if (m.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: PROGRESS, variables: { id } } }));
      } else if (m.type === 'next' && m.payload.data) {
        this.job = m.payload.data.importProgress;
      } else if (m.type === 'error') {
        this.error = { code: (m.payload[0] && m.payload[0].extensions && m.payload[0].extensions.code) || 'unknown' };
      } else if (m.type === 'complete') {
        socket.close();
      }
    };
    socket.onclose = () => { this.finished(id); };
  }

  async finished(id) {
    this.busy = false;
    try {
      const { importJob } = await graphql(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id });
      this.job = importJob;
      if (importJob.failed > 0) this.errors = await this.allErrors(id, 1000);
    } catch (e) {
      this.error = e;
    }
  }

  async allErrors(id, limit) {
    const rows = [];
    let after = null;
    do {
      const { importErrors } = await graphql(ERRORS, { id, after });
      rows.push(...importErrors.nodes);
      after = importErrors.pageInfo.hasNextPage ? importErrors.pageInfo.endCursor : null;
    } while (after && rows.length < limit);
    return rows;
  }

  async download() {
    const rows = await this.allErrors(this.job.id, 1000000);
    downloadCsv(this.job.fileName.replace(/\.csv$/i, '') + '-errors.csv', ['line', 'field', 'message'],
      rows.map((e) => [e.line, e.field, e.message]));
  }

  render() {
    const j = this.job;
    return html`
      <h1>${t('import.title')}</h1>
      <p class="muted">${t('import.intro')}</p>
      <form class="card" @submit=${this.upload}>
        <label>${t('import.file')} <input type="file" name="file" accept=".csv,text/csv" required></label>
        <fieldset>
          <legend>${t('import.mode')}</legend>
          ${MODES.map((m) => html`<label><input type="radio" name="mode" value=${m} ?checked=${m === 'CREATE'}>
            ${t('import.mode.' + m)}</label>`)}
        </fieldset>
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('import.upload')}</button></div>
      </form>
      ${errorNotice(this.error)}
      ${j ? html`<section class="card" aria-live="polite">
        <h2><bdi>${j.fileName}</bdi> — ${t('import.status.' + j.status)}</h2>
        <progress max="1" value=${j.progress} aria-label=${t('import.progress')}></progress> ${pct(j.progress)}
        <p>${t('import.counts', { processed: num(j.processed), total: num(j.total), imported: num(j.imported), failed: num(j.failed) })}</p>
        ${j.mode === 'UPSERT' ? html`<p>${t('import.upsertCounts', { created: num(j.created), matched: num(j.matched), updated: num(j.updated) })}</p>` : ''}
        ${j.failure ? html`<p class="notice error">${j.failure}</p>` : ''}
        ${this.errors && this.errors.length ? html`
          <div class="actions"><button type="button" class="secondary" @click=${this.download}>${t('import.download')}</button></div>
          ${table(t('import.errors'), [
            { title: t('import.col.line'), num: true, cell: (e) => e.line },
            { title: t('import.col.field'), cell: (e) => e.field },
            { title: t('import.col.message'), cell: (e) => e.message }
          ], this.errors.slice(0, 20))}` : ''}
      </section>` : ''}`;
  }
}
customElements.define('rapport-import', ImportPage);

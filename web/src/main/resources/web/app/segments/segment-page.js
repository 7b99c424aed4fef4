// One segment (marketer, admin): how many it selects now, its members a page at a time, its definition changed
// (with the version read: a change made meanwhile is refused), a static list replaced from a file, or deleted.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted, fieldCheck, latest } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { currentUser, hasAnyRole } from '../shared/auth.js';
import { SEGMENT_WRITERS, CONTACT_READERS } from '../staff/routes.js';
import { t } from '../shared/i18n.js';
import { navigate } from '../shared/router.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, num, dateTime } from '../staff/common.js';
import { readFilter } from '../contacts/filter-fields.js';
import { SEGMENT, PREVIEW, UPDATE, SET_MEMBERS, DELETE, filterWords, segmentInput, nameFields, uploadNotice, memberIds,
  fileError, previewView, segmentStyles, filterFieldset } from './segments.js';

const ONE = `query Segment($id: ID!) { segment(id: $id) { ${SEGMENT} } segmentCount(id: $id) { count version } }`;
const MEMBERS = `query SegmentMembers($id: ID!, $after: String) { segmentMembers(id: $id, first: 20, after: $after) {
  nodes { id displayName lifecycleStage owner tags } pageInfo { hasNextPage endCursor } } }`;

class SegmentPage extends RapportPage {
  static styles = [pageStyles, staffStyles, segmentStyles];
  static properties = { segment: { state: true }, count: { state: true }, members: { state: true }, hasNext: { state: true },
    error: { state: true }, notice: { state: true }, failure: { state: true }, preview: { state: true },
    organisations: { state: true }, confirming: { state: true }, busy: { state: true } };

  constructor() {
    super();
    this.cursors = [null];
    this.page = 0;
    this.memberRequests = latest();
  }

  connectedCallback() {
    super.connectedCallback();
    if (hasAnyRole(currentUser(), SEGMENT_WRITERS)) {
      graphql(`{ organisations(first: 100) { nodes { id name } } }`).then((d) => { this.organisations = d.organisations.nodes; })
        .catch(() => {});
    }
    this.load();
  }

  async load() {
    try {
      const data = await graphql(ONE, { id: this.params.id });
      if (!data.segment) {
        this.error = { code: 'not-found' };
        return;
      }
      this.segment = data.segment;
      this.count = data.segmentCount;
      this.cursors = [null];
      this.page = 0;
      await this.loadMembers();
    } catch (e) {
      this.error = e;
    }
  }

  async loadMembers() {
    try {
      const { segmentMembers } = await this.memberRequests(graphql(MEMBERS, { id: this.segment.id, after: this.cursors[this.page] }));
      this.members = segmentMembers.nodes;
      this.hasNext = segmentMembers.pageInfo.hasNextPage;
      this.cursors[this.page + 1] = segmentMembers.pageInfo.endCursor;
    } catch (e) {
      this.error = e;
    }
  }

  go(delta) {
    this.page = Math.max(0, this.page + delta);
    this.loadMembers();
  }

  /** Preview or save a changed definition; saving sends the version read. */
  async change(event) {
    const { data } = submitted(event);
    const s = this.segment;
    const filter = s.kind === 'FILTER' ? readFilter(data) : null;
    const saving = !event.submitter || event.submitter.value !== 'preview';
    this.failure = null;
    this.notice = null;
    this.busy = true;
    try {
      if (saving) {
        await graphql(UPDATE, { id: s.id, version: s.version, in: segmentInput(data, s.kind, filter) });
        this.preview = null;
        this.notice = t('segments.changed', { name: String(data.get('segmentName')).trim() });
        await this.load();
      } else {
        this.preview = (await graphql(PREVIEW, { filter })).previewSegment;
      }
    } catch (e) {
      this.failure = { key: 'change', error: e };
    }
    this.busy = false;
  }

  async replaceList(event) {
    const { form, data } = submitted(event);
    this.failure = null;
    this.notice = null;
    this.busy = true;
    try {
      const ids = await memberIds(data.get('file'));
      const { setSegmentMembers } = await graphql(SET_MEMBERS, { id: this.segment.id, ids });
      form.reset();
      this.notice = uploadNotice(setSegmentMembers);
      await this.load();
    } catch (e) {
      this.failure = { key: 'list', error: e };
    }
    this.busy = false;
  }

  async remove() {
    try {
      await graphql(DELETE, { id: this.segment.id });
      navigate('/staff/segments');
    } catch (e) {
      this.error = e;
    }
  }

  failed(key) {
    return this.failure && this.failure.key === key ? fileError(this.failure.error) : '';
  }

  render() {
    const back = html`<p><a href="/staff/segments">${t('segments.all')}</a></p>`;
    const s = this.segment;
    if (!s) return html`${back}<h1>${t('segments.title')}</h1>${this.error ? errorNotice(this.error) : loadingNotice()}`;
    return html`${back}
      <h1><bdi>${s.name}</bdi></h1>
      ${s.description ? html`<p><bdi>${s.description}</bdi></p>` : ''}
      <dl class="facts">
        <dt>${t('segments.kind')}</dt><dd>${label('segments.kind', s.kind)}</dd>
        <dt>${t('segments.definition')}</dt><dd>${s.kind === 'FILTER' ? filterWords(s.filter) : t('segments.list')}</dd>
        <dt>${t('segments.version')}</dt><dd>${num(s.version)}</dd>
        <dt>${t('segments.createdBy')}</dt><dd><bdi>${s.createdBy || '–'}</bdi>, ${dateTime(s.createdAt)}</dd>
      </dl>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      <section class="card"><h2>${t('segments.members')}</h2>
        ${this.count ? html`<p><strong>${t('segments.count', { n: num(this.count.count), count: this.count.count })}</strong></p>` : ''}
        ${!this.members ? loadingNotice() : table(t('segments.members'), [
          { title: t('contacts.col.name'), cell: (c) => (hasAnyRole(currentUser(), CONTACT_READERS)
            ? html`<a href="/staff/contacts/${c.id}"><bdi>${c.displayName}</bdi></a>` : html`<bdi>${c.displayName}</bdi>`) },
          { title: t('contacts.col.stage'), cell: (c) => label('stage', c.lifecycleStage) },
          { title: t('contacts.col.owner'), cell: (c) => c.owner || '' },
          { title: t('contacts.col.tags'), cell: (c) => (c.tags || []).join(', ') }
        ], this.members, t('segments.noMembers'))}
        <div class="pager">
          <button class="secondary" ?disabled=${this.page === 0} @click=${() => this.go(-1)}>${t('staff.previous')}</button>
          <button class="secondary" ?disabled=${!this.hasNext} @click=${() => this.go(1)}>${t('staff.next')}</button>
        </div></section>
      ${hasAnyRole(currentUser(), SEGMENT_WRITERS) ? this.changes(s) : html`<p class="muted">${t('segments.readOnly')}</p>`}`;
  }

  /** A marketer's (or an admin's): change the definition or the list, delete. */
  changes(s) {
    return html`${this.editForm(s)}
      ${s.kind === 'STATIC' ? this.listForm() : ''}
      <section class="card"><h2>${t('segments.delete')}</h2><p class="muted">${t('segments.deleteIntro')}</p>
        ${this.confirming ? html`<div class="actions"><button type="button" class="danger" @click=${this.remove}>
            ${t('segments.deleteConfirm', { name: s.name })}</button>
          <button type="button" class="secondary" @click=${() => { this.confirming = false; }}>${t('common.cancel')}</button></div>`
          : html`<button type="button" class="secondary" @click=${() => { this.confirming = true; }}>${t('segments.delete')}</button>`}
      </section>`;
  }

  editForm(s) {
    const check = fieldCheck(this.failure, 'change');
    return html`<section class="card"><h2>${t('segments.change')}</h2>
      <form class="filters" aria-label=${t('segments.change')} @submit=${this.change}>
        ${nameFields(check, s)}${s.kind === 'FILTER' ? filterFieldset(this.organisations, s.filter) : ''}
        ${s.kind === 'FILTER' ? html`<button type="submit" class="secondary" value="preview" formnovalidate ?disabled=${this.busy}>
          ${t('segments.preview')}</button>` : ''}
        <button type="submit" value="save" ?disabled=${this.busy}>${t('common.save')}</button>
      </form>
      ${this.failed('change')}
      ${this.preview ? previewView(this.preview) : ''}</section>`;
  }

  listForm() {
    return html`<section class="card"><h2>${t('segments.replaceList')}</h2><p class="muted">${t('segments.newStaticIntro')}</p>
      <form class="filters" aria-label=${t('segments.replaceList')} @submit=${this.replaceList}>
        <label>${t('segments.file')}<input name="file" type="file" required accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"></label>
        <button type="submit" ?disabled=${this.busy}>${t('segments.upload')}</button>
      </form>
      ${this.failed('list')}</section>`;
  }
}
customElements.define('rapport-segment', SegmentPage);

// Segments (marketer, admin): saved audiences. A FILTER segment is the contact search's filters, evaluated whenever
// it is used (its count and a preview before saving); a STATIC one is a list of contacts uploaded as CSV or NDJSON.
// An invitation or an outreach may then take a segment as its audience.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice, submitted, fieldCheck } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { currentUser, hasAnyRole } from '../shared/auth.js';
import { SEGMENT_WRITERS } from '../staff/routes.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, num, dateTime } from '../staff/common.js';
import { readFilter } from '../contacts/filter-fields.js';
import { LIST, PREVIEW, CREATE, SET_MEMBERS, filterWords, segmentInput, nameFields, uploadNotice, memberIds, fileError,
  previewView, segmentStyles, filterFieldset } from './segments.js';

class SegmentsPage extends RapportPage {
  static styles = [pageStyles, staffStyles, segmentStyles];
  static properties = { segments: { state: true }, hasNext: { state: true }, error: { state: true }, notice: { state: true },
    organisations: { state: true }, preview: { state: true }, failure: { state: true }, busy: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    // the filter form's organisation choice, for those who may save a segment
    if (hasAnyRole(currentUser(), SEGMENT_WRITERS)) {
      graphql(`{ organisations(first: 100) { nodes { id name } } }`).then((d) => { this.organisations = d.organisations.nodes; })
        .catch(() => {});
    }
    this.load();
  }

  async load(after = null) {
    try {
      const { segments } = await graphql(LIST, { after });
      this.segments = after ? [...this.segments, ...segments.nodes] : segments.nodes;
      this.after = segments.pageInfo.endCursor;
      this.hasNext = segments.pageInfo.hasNextPage;
    } catch (e) {
      this.error = e;
    }
  }

  /** The filter form's two buttons: preview counts the filter now, save keeps it as a segment. */
  async filterSegment(event) {
    const { form, data } = submitted(event);
    const filter = readFilter(data);
    const saving = event.submitter && event.submitter.value === 'save';
    this.failure = null;
    this.notice = null;
    this.busy = true;
    try {
      if (saving) {
        const { createSegment } = await graphql(CREATE, { in: segmentInput(data, 'FILTER', filter) });
        form.reset();
        this.preview = null;
        this.saved(createSegment);
      } else {
        this.preview = (await graphql(PREVIEW, { filter })).previewSegment;
      }
    } catch (e) {
      this.failure = { key: 'filter', error: e };
    }
    this.busy = false;
  }

  /** A list from a file: the segment is created, then its list stored (the answer counts unknown and repeated ids). */
  async staticSegment(event) {
    const { form, data } = submitted(event);
    const file = data.get('file');
    this.failure = null;
    this.notice = null;
    this.busy = true;
    try {
      const ids = await memberIds(file);
      const { createSegment } = await graphql(CREATE, { in: segmentInput(data, 'STATIC', null) });
      const { setSegmentMembers } = await graphql(SET_MEMBERS, { id: createSegment.id, ids });
      form.reset();
      this.saved(createSegment, uploadNotice(setSegmentMembers));
    } catch (e) {
      this.failure = { key: 'static', error: e };
    }
    this.busy = false;
  }

  saved(segment, more) {
    this.notice = { segment, text: [t('segments.saved', { name: segment.name }), more].filter(Boolean).join(' ') };
    this.load();
  }

  failed(key) {
    return this.failure && this.failure.key === key ? fileError(this.failure.error) : '';
  }

  render() {
    const filterCheck = fieldCheck(this.failure, 'filter');
    const staticCheck = fieldCheck(this.failure, 'static');
    return html`
      <h1>${t('segments.title')}</h1>
      <p class="muted">${t('segments.intro')}</p>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice.text}
        <a href="/staff/segments/${this.notice.segment.id}">${t('segments.open', { name: this.notice.segment.name })}</a></p>` : ''}
      ${errorNotice(this.error)}
      ${!this.segments ? loadingNotice() : html`${table(t('segments.title'), [
        { title: t('segments.name'), cell: (s) => html`<a href="/staff/segments/${s.id}"><bdi>${s.name}</bdi></a>` },
        { title: t('segments.kind'), cell: (s) => label('segments.kind', s.kind) },
        { title: t('segments.definition'), cell: (s) => (s.kind === 'FILTER' ? filterWords(s.filter) : t('segments.list')) },
        { title: t('segments.description'), cell: (s) => html`<bdi>${s.description || ''}</bdi>` },
        { title: t('segments.version'), num: true, cell: (s) => num(s.version) },
        { title: t('segments.updated'), cell: (s) => dateTime(s.updatedAt || s.createdAt) }
      ], this.segments, t('segments.none'))}
        ${this.hasNext ? html`<div class="pager"><button class="secondary" @click=${() => this.load(this.after)}>${t('staff.more')}</button></div>` : ''}`}
      ${hasAnyRole(currentUser(), SEGMENT_WRITERS) ? this.newForms(filterCheck, staticCheck)
        : html`<p class="muted">${t('segments.readOnly')}</p>`}`;
  }

  /** A marketer's (or an admin's): a new filter segment, a new list from a file. */
  newForms(filterCheck, staticCheck) {
    return html`<section class="card"><h2>${t('segments.newFilter')}</h2><p class="muted">${t('segments.newFilterIntro')}</p>
        <form class="filters" aria-label=${t('segments.newFilter')} @submit=${this.filterSegment}>
          ${nameFields(filterCheck)}${filterFieldset(this.organisations)}
          <button type="submit" class="secondary" value="preview" formnovalidate ?disabled=${this.busy}>${t('segments.preview')}</button>
          <button type="submit" value="save" ?disabled=${this.busy}>${t('segments.save')}</button>
        </form>
        ${this.failed('filter')}
        ${this.preview ? previewView(this.preview) : ''}</section>
      <section class="card"><h2>${t('segments.newStatic')}</h2><p class="muted">${t('segments.newStaticIntro')}</p>
        <form class="filters" aria-label=${t('segments.newStatic')} @submit=${this.staticSegment}>
          ${nameFields(staticCheck)}
          <label>${t('segments.file')}<input name="file" type="file" required accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"></label>
          <button type="submit" ?disabled=${this.busy}>${t('segments.upload')}</button>
        </form>
        ${this.failed('static')}</section>`;
  }
}

customElements.define('rapport-segments', SegmentsPage);

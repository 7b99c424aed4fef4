// Merge: likely duplicates as contacts-service finds them (contacts holding the same normalised e-mail address or phone
// number, a page of groups at a time), preview what the survivor keeps —
// every address with its provenance, the consents, the timeline — and merge. The duplicate's id resolves to the
// survivor afterwards; contacts-service keeps each address once, with the stronger provenance.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, label, table, date } from '../staff/common.js';

const DUPLICATES = `query Duplicates($after: String) { likelyDuplicates(first: 50, after: $after) {
  nodes { kind address contacts { id displayName } } pageInfo { hasNextPage endCursor } } }`;
const PREVIEW = `query Preview($a: ID!, $b: ID!) {
  a: contact(id: $a) { ...side } b: contact(id: $b) { ...side } }
  fragment side on Contact { id displayName version lifecycleStage owner tags
    contactPoints { channel address context provenance { kind source } capturedAt }
    consents { purpose channel status since }
    timeline(first: 1) { nodes { id } pageInfo { hasNextPage } } }`;
const MERGE = `mutation($id: ID!, $in: MergeInput!) { mergeContacts(id: $id, input: $in) { id displayName } }`;
const STRENGTH = { PROVIDED_BY_CONTACT: 4, IMPORTED: 3, ENRICHMENT: 2, INFERRED: 1 };

class MergePage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { pairs: { state: true }, next: { state: true }, busy: { state: true }, preview: { state: true },
    error: { state: true }, notice: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.more(null);
  }

  /** The next page of groups (the first when after is null), added below those shown. */
  async more(after) {
    this.busy = true;
    try {
      const { likelyDuplicates } = await graphql(DUPLICATES, { after });
      this.pairs = [...(after ? this.pairs : []), ...likelyDuplicates.nodes];
      this.next = likelyDuplicates.pageInfo.hasNextPage ? likelyDuplicates.pageInfo.endCursor : null;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  async open(pair) {
    this.error = null;
    try {
      const data = await graphql(PREVIEW, { a: pair.contacts[0].id, b: pair.contacts[1].id });
      this.preview = { survivor: data.a, duplicate: data.b };
    } catch (e) {
      this.error = e;
    }
  }

  swap() {
    this.preview = { survivor: this.preview.duplicate, duplicate: this.preview.survivor };
  }

  /** What the survivor will hold: each address once, with the stronger provenance and the earlier capture. */
  kept() {
    const out = new Map();
    [this.preview.survivor, this.preview.duplicate].forEach((c) => c.contactPoints.forEach((p) => {
      const key = p.channel + ' ' + p.address;
      const held = out.get(key);
      if (!held || STRENGTH[p.provenance.kind] > STRENGTH[held.provenance.kind]) out.set(key, { ...p, from: c.displayName });
    }));
    return [...out.values()];
  }

  async merge() {
    const { survivor, duplicate } = this.preview;
    try {
      await graphql(MERGE, { id: survivor.id, in: { mergeId: duplicate.id, version: survivor.version } });
      this.notice = t('merge.done', { name: survivor.displayName });
      this.pairs = this.pairs.map((p) => ({ ...p, contacts: p.contacts.filter((c) => c.id !== duplicate.id) }))
        .filter((p) => p.contacts.length > 1);
      this.preview = null;
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    return html`
      <h1>${t('merge.title')}</h1>
      <p class="muted">${t('merge.intro')}</p>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${this.preview ? this.previewView() : ''}
      ${!this.pairs ? (this.error ? '' : loadingNotice()) : html`
        ${table(t('merge.title'), [
          { title: t('merge.col.address'), cell: (p) => html`${label('channel', p.kind)} <bdi>${p.address}</bdi>` },
          { title: t('merge.col.contacts'), cell: (p) => p.contacts.map((c) => html`<a href="/staff/contacts/${c.id}"><bdi>${c.displayName}</bdi></a><br>`) },
          { title: '', cell: (p) => html`<button type="button" class="secondary" @click=${() => this.open(p)}>${t('merge.preview')}</button>` }
        ], this.pairs, t('merge.none'))}
        ${this.next ? html`<div class="pager"><button type="button" class="secondary" ?disabled=${this.busy}
          @click=${() => this.more(this.next)}>${t('merge.more')}</button></div>` : ''}`}`;
  }

  previewView() {
    const { survivor, duplicate } = this.preview;
    const consents = [...survivor.consents, ...duplicate.consents];
    const events = (c) => (c.timeline.nodes.length ? (c.timeline.pageInfo.hasNextPage ? t('merge.manyEvents') : '1') : '0');
    return html`<section class="card" aria-labelledby="preview">
      <h2 id="preview">${t('merge.keeps', { survivor: survivor.displayName, duplicate: duplicate.displayName })}</h2>
      <h3>${t('merge.addresses')}</h3>
      ${table(t('merge.addresses'), [
        { title: t('contact360.col.channel'), cell: (p) => label('channel', p.channel) },
        { title: t('contact360.col.address'), cell: (p) => html`<bdi>${p.address}</bdi>` },
        { title: t('contact360.col.provenance'), cell: (p) => html`${label('provenance', p.provenance.kind)} <span class="muted">(<bdi>${p.provenance.source || ''}</bdi>)</span>` },
        { title: t('contact360.col.captured'), cell: (p) => date(p.capturedAt) },
        { title: t('merge.col.from'), cell: (p) => html`<bdi>${p.from}</bdi>` }
      ], this.kept())}
      <h3>${t('merge.consents')}</h3>
      ${table(t('merge.consents'), [
        { title: t('contact360.col.purpose'), cell: (s) => s.purpose },
        { title: t('contact360.col.channel'), cell: (s) => label('channel', s.channel) },
        { title: t('contact360.col.status'), cell: (s) => label('consent', s.status) }
      ], consents)}
      <p>${t('merge.timeline', { a: events(survivor), b: events(duplicate) })}</p>
      <div class="actions">
        <button type="button" @click=${this.merge}>${t('merge.merge', { name: duplicate.displayName })}</button>
        <button type="button" class="secondary" @click=${this.swap}>${t('merge.swap')}</button>
        <button type="button" class="secondary" @click=${() => { this.preview = null; }}>${t('common.cancel')}</button>
      </div></section>`;
  }
}
customElements.define('rapport-merge', MergePage);

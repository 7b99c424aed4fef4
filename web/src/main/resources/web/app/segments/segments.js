// What the segments views share: the documents, a segment's filter in words, and the list of saved segments that
// pages taking an audience (an invitation, outreach) offer to choose from.
import { html, css } from 'lit';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { label, money, num } from '../staff/common.js';
import { errorNotice } from '../shared/page.js';
import { readMemberFile } from './member-file.js';
import { filterFields } from '../contacts/filter-fields.js';

const FILTER = 'filter { name organisationId tags stage channel provenance minValue maxValue signal owner createdFrom createdTo }';
export const SEGMENT = `id name description kind version createdAt createdBy updatedAt ${FILTER}`;
export const LIST = `query Segments($after: String) { segments(first: 50, after: $after) {
  nodes { ${SEGMENT} } pageInfo { hasNextPage endCursor } } }`;
export const PREVIEW = `query PreviewSegment($filter: SegmentFilterInput) {
  previewSegment(filter: $filter) { count sample { id displayName } } }`;
export const CREATE = `mutation CreateSegment($in: SegmentInput!) { createSegment(input: $in) { ${SEGMENT} } }`;
export const UPDATE = `mutation UpdateSegment($id: ID!, $in: SegmentInput!, $version: Int!) {
  updateSegment(id: $id, input: $in, version: $version) { ${SEGMENT} } }`;
export const SET_MEMBERS = `mutation SetSegmentMembers($id: ID!, $ids: [String!]!) {
  setSegmentMembers(id: $id, contactIds: $ids) { members unknown repeated version } }`;
export const DELETE = `mutation DeleteSegment($id: ID!) { deleteSegment(id: $id) }`;

/** A FILTER segment's criteria as words ("Stage: Customer · Tags: vip"); every contact when it has none. */
export function filterWords(filter) {
  const f = filter || {};
  const parts = [];
  if (f.name) parts.push([t('contacts.filter.name'), f.name]);
  if (f.tags && f.tags.length) parts.push([t('contacts.filter.tag'), f.tags.join(', ')]);
  if (f.stage) parts.push([t('contacts.filter.stage'), label('stage', f.stage)]);
  if (f.channel) parts.push([t('contacts.filter.channel'), label('channel', f.channel)]);
  if (f.provenance) parts.push([t('contacts.filter.provenance'), label('provenance', f.provenance)]);
  if (f.minValue !== null && f.minValue !== undefined) parts.push([t('contacts.filter.minValue'), money(f.minValue)]);
  if (f.maxValue !== null && f.maxValue !== undefined) parts.push([t('contacts.filter.maxValue'), money(f.maxValue)]);
  if (f.signal) parts.push([t('contacts.filter.signal'), label('signal', f.signal)]);
  if (f.owner) parts.push([t('contacts.filter.owner'), f.owner]);
  if (f.organisationId) parts.push([t('contacts.filter.organisationId'), f.organisationId]);
  if (!parts.length) return t('segments.everyone');
  return parts.map(([name, value]) => html`<span class="reason">${name}: <bdi>${value}</bdi></span> `);
}

/** A segment's input from a form: its name and description (fields segmentName, segmentDescription). */
export function segmentInput(data, kind, filter) {
  const description = String(data.get('segmentDescription') || '').trim();
  return { kind, name: String(data.get('segmentName') || '').trim(), description: description || null,
    filter: kind === 'FILTER' ? filter : null };
}

/** The segments views' own styles: the filter's fields grouped apart from the segment's name, cards spaced from lists. */
export const segmentStyles = css`
  fieldset.filters { flex-basis: 100%; margin: 0; }
  section.card { margin-block-start: 1rem; }
`;

/** The filter fields of a form, grouped under "Who is in it" (apart from the segment's own name and description). */
export function filterFieldset(organisations, filter) {
  return html`<fieldset class="filters"><legend>${t('segments.definition')}</legend>${filterFields(organisations, filter)}</fieldset>`;
}

/** Saved segments (the first 100 by name), for a page that takes an audience. */
export async function savedSegments() {
  return (await graphql(`query SegmentChoices { segments(first: 100) { nodes { id name kind version } } }`)).segments.nodes;
}

/**
 * A select of saved segments, named "segmentId" in its form; its first option is no segment: by default "a search"
 * (the filter fields beside it apply), or the words given.
 */
export function segmentSelect(segments, none) {
  return html`<label>${t('segments.audience')}<select name="segmentId">
    <option value="">${none || t('segments.bySearch')}</option>
    ${(segments || []).map((s) => html`<option value=${s.id}>${s.name}</option>`)}</select></label>`;
}

/** The segment's name and description fields (named apart from the filter's own "name", a contact's name). */
export function nameFields(check, segment) {
  const name = check('name');
  return html`<span class="field"><label>${t('segments.name')}<input name="segmentName" required maxlength="200" size="24"
      .value=${segment ? segment.name : ''} aria-invalid=${name.invalid} aria-describedby=${name.id}></label>${name.note}</span>
    <label>${t('segments.description')}<input name="segmentDescription" maxlength="1000" size="32"
      .value=${segment ? segment.description || '' : ''}></label>`;
}

/** What a file's list did once stored: members, ids that name nobody, repeats. */
export function uploadNotice(upload) {
  return t('segments.uploaded', { members: num(upload.members), unknown: num(upload.unknown), repeated: num(upload.repeated) });
}

/** A file read into ids, or an error the page can say (a line that is not an id, too many ids). */
export async function memberIds(file) {
  const read = await readMemberFile(file);
  if (read.badLine) throw { code: 'segment-file-line', line: read.badLine };
  if (read.tooMany) throw { code: 'limit-exceeded' };
  return read.ids;
}

/** An error of the file: the line named, else the usual words. */
export function fileError(error) {
  return error && error.code === 'segment-file-line'
    ? html`<p class="notice error" role="alert">${t('segments.badLine', { line: error.line })}</p>` : errorNotice(error);
}

/** How many a filter selects now, and the first few by name. */
export function previewView(preview) {
  return html`<div role="status"><p><strong>${t('segments.count', { n: num(preview.count), count: preview.count })}</strong></p>
    ${preview.sample && preview.sample.length ? html`<p>${t('segments.sample')}</p><ul class="plain">
      ${preview.sample.map((c) => html`<li><a href="/staff/contacts/${c.id}"><bdi>${c.displayName}</bdi></a></li>`)}</ul>` : ''}</div>`;
}

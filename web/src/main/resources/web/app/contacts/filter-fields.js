// The contact search's filters (ContactFilter, and a FILTER segment's SegmentFilterInput, which has the same fields):
// the fields of a form, and the filter read back from it. The contacts view and the segments view share them.
import { html } from 'lit';
import { t } from '../shared/i18n.js';
import { label } from '../staff/common.js';

const STAGES = ['PROSPECT', 'LEAD', 'CUSTOMER', 'AT_RISK', 'LAPSED'];
const CHANNELS = ['EMAIL', 'PHONE', 'SMS', 'WHATSAPP', 'POSTAL', 'LINKEDIN', 'X', 'INSTAGRAM', 'FACEBOOK'];
const PROVENANCE = ['PROVIDED_BY_CONTACT', 'IMPORTED', 'ENRICHMENT', 'INFERRED'];
export const SIGNALS = ['SPEND_THRESHOLD', 'OVERDUE_BUYER', 'DISENGAGING', 'FOLLOW_UP_DUE', 'NOT_THANKED'];
const FIELDS = ['name', 'organisationId', 'tag', 'stage', 'channel', 'provenance', 'minValue', 'maxValue', 'signal', 'owner'];

function select(name, values, prefix, chosen) {
  return html`<label>${t('contacts.filter.' + name)}
    <select name=${name}><option value="">${t('contacts.any')}</option>
      ${values.map((v) => html`<option value=${v} ?selected=${chosen === v}>${label(prefix, v)}</option>`)}</select></label>`;
}

/** The filter's fields, filled with a filter's values when one is given (a segment being changed). */
export function filterFields(organisations, filter) {
  const f = filter || {};
  const value = (v) => (v === null || v === undefined ? '' : String(v));
  return html`
    <label>${t('contacts.filter.name')}<input name="name" type="search" .value=${value(f.name)}></label>
    <label>${t('contacts.filter.organisationId')}<select name="organisationId"><option value="">${t('contacts.any')}</option>
      ${(organisations || []).map((o) => html`<option value=${o.id} ?selected=${f.organisationId === o.id}>${o.name}</option>`)}</select></label>
    <label>${t('contacts.filter.tag')}<input name="tag" placeholder="vip, season-ticket" .value=${(f.tags || []).join(', ')}></label>
    ${select('stage', STAGES, 'stage', f.stage)}
    ${select('channel', CHANNELS, 'channel', f.channel)}
    ${select('provenance', PROVENANCE, 'provenance', f.provenance)}
    <label>${t('contacts.filter.minValue')}<input name="minValue" type="number" min="0" step="1" size="7" .value=${value(f.minValue)}></label>
    <label>${t('contacts.filter.maxValue')}<input name="maxValue" type="number" min="0" step="1" size="7" .value=${value(f.maxValue)}></label>
    ${select('signal', SIGNALS, 'signal', f.signal)}
    <label>${t('contacts.filter.owner')}<input name="owner" placeholder="me" size="10" .value=${value(f.owner)}></label>`;
}

/** The filter a form's data asks for: only the fields given; tags as a list, sums as numbers. */
export function readFilter(data) {
  const f = {};
  FIELDS.forEach((k) => {
    const value = String(data.get(k) || '').trim();
    if (!value) return;
    if (k === 'tag') f.tags = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (k === 'minValue' || k === 'maxValue') f[k] = Number(value);
    else f[k] = value;
  });
  return f;
}

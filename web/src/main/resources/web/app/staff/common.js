// What the staff pages share: number and money formats, small tables, a cursor pager, CSV download. Names and comments
// are data: always rendered as text (lit escapes them), isolated with <bdi> so a right-to-left name does not reorder a row.
import { html, css } from 'lit';
import { formatNumber, formatDate, formatDateTime, t } from '../shared/i18n.js';

export const staffStyles = css`
  :host { display: block; }
  .filters { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; }
  .filters label { display: flex; flex-direction: column; font-size: 0.9rem; }
  .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
  .figure { font-size: 1.6rem; font-weight: 700; display: block; }
  .chart-and-table { display: grid; gap: 1rem; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
  @media (max-width: 900px) { .chart-and-table { grid-template-columns: 1fr; } }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
  .pager { display: flex; gap: 0.5rem; align-items: center; margin-block: 0.5rem; }
  .reason { display: inline-block; margin-inline-end: 0.3rem; }
  .first { border-inline-start: 4px solid var(--rapport-bad); padding-inline-start: 0.5rem; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; margin: 0.25rem 0; }
  dl.facts dt { color: var(--rapport-muted); }
  dl.facts dd { margin: 0; }
  ul.plain { list-style: none; padding: 0; margin: 0; }
  ul.plain li { padding: 0.3rem 0; border-bottom: 1px solid var(--rapport-line); }
  ul.plain li.card { padding: 0; border: 1px solid var(--rapport-line); }
  li.card > a { display: block; padding: 1rem; min-height: 44px; box-sizing: border-box; }
  .tabs { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block: 0.5rem 1rem; }
  .tabs a[aria-current='page'] { font-weight: 700; }
  /* a phone's width: each row of a table becomes a block, each cell a line under its column's title, so nothing
     scrolls sideways; the roles keep the table a table for screen readers whatever the display */
  @media (max-width: 600px) {
    table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: auto; }
    table.stack tr { border-bottom: 1px solid var(--rapport-line); padding-block: 0.4rem; }
    table.stack td { display: grid; grid-template-columns: minmax(6rem, 38%) minmax(0, 1fr); gap: 0.75rem; border: 0;
      padding-block: 0.15rem; text-align: start; overflow-wrap: anywhere; }
    table.stack td::before { content: attr(data-label); color: var(--rapport-muted); }
    table.stack td[data-label=''] { grid-template-columns: minmax(0, 1fr); }
    table.stack td[data-label='']::before { content: none; }
  }
`;

export function num(value, digits = 0) {
  return value === null || value === undefined ? '–' : formatNumber(Number(value), { maximumFractionDigits: digits });
}

/** A 0–1 share as a percentage, or a value already in percent when asPercent is false. */
export function pct(value, isShare = true) {
  if (value === null || value === undefined) return '–';
  return formatNumber(isShare ? Number(value) : Number(value) / 100, { style: 'percent', maximumFractionDigits: 1 });
}

export function money(value, currency = 'EUR') {
  if (value === null || value === undefined) return '–';
  return formatNumber(Number(value), { style: 'currency', currency: currency || 'EUR', maximumFractionDigits: 0 });
}

export const date = formatDate;
export const dateTime = formatDateTime;

/** A label from the bundle for an enum value ("stage.CUSTOMER"), falling back to the value itself. */
export function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '–';
  const key = prefix + '.' + value;
  // the staff wording first ("Legitimate interest"): the person's pages say the same things in their own words
  // ("We may write about this unless you say no.") under the plain key
  const staffKey = 'staff.' + key;
  const staff = t(staffKey);
  if (staff !== staffKey) return staff;
  const text = t(key);
  return text === key ? String(value) : text;
}

/**
 * A simple table: columns [{ title, cell: (row) => template, num }], rows. A table wider than its column scrolls
 * sideways; its frame takes the keyboard focus (a named region), so the arrow keys can scroll it without a mouse. On a
 * phone's width each row is a block of lines, each cell under its column's title (a text).
 */
export function table(caption, columns, rows, empty) {
  if (!rows || rows.length === 0) return html`<p class="muted">${empty || t('staff.empty')}</p>`;
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${caption}><table class="stack" role="table">
    <caption class="visually-hidden">${caption}</caption>
    <thead role="rowgroup"><tr role="row">${columns.map((c) => html`<th scope="col" role="columnheader" class=${c.num ? 'num' : ''}>${c.title}</th>`)}</tr></thead>
    <tbody role="rowgroup">${rows.map((r) => html`<tr role="row">${columns.map((c) => html`<td role="cell" data-label=${c.title}
      class=${c.num ? 'num' : ''}><span>${c.cell(r)}</span></td>`)}</tr>`)}</tbody>
  </table></div>`;
}

/**
 * The facts behind a signal ([{ key, value }]) in words: each key's label from the bundle ("fact.lifetimeSpend"), sums
 * as money in the facts' currency, instants as dates; empty facts and internal ids are left out.
 */
export function facts(list) {
  const all = list || [];
  const currency = (all.find((f) => f.key === 'currency') || {}).value;
  return all.filter((f) => f.value !== null && f.value !== undefined && f.value !== '' && f.key !== 'currency' && !/Id$/.test(f.key))
    .map((f) => {
      let value = f.value;
      if (f.key === 'lifetimeSpend' || f.key === 'threshold') value = money(f.value, currency);
      else if (/At$|On$/.test(f.key)) value = formatDate(f.value);
      else if (f.key === 'statedBy') value = label('statedBy', f.value);
      return html`<span class="reason">${label('fact', f.key)}: <bdi>${value}</bdi></span> `;
    });
}

/** Offers a CSV file built in the page (nothing goes back to a server). Cells that look like formulas are neutralised. */
export function downloadCsv(fileName, header, rows) {
  const cell = (v) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** ISO instant of the first day of the month, monthsAgo months before this one (UTC). */
export function monthStart(monthsAgo) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString();
}

/** Colours that pass 3:1 against white for marks (WCAG 1.4.11) and are told apart without hue alone (tables beside). */
export const PALETTE = ['#0b5cad', '#17653a', '#8a4b00', '#5b5f66', '#7b2d8e', '#a4161a'];
export const BUCKET_COLOURS = { ESSENTIAL: '#0b3d78', IMPORTANT: '#0b5cad', LOW_BUT_IMPORTANT: '#8a4b00', NOT_IMPORTANT: '#5b5f66' };

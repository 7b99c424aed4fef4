// Priorities: a stacked bar per initiative (essential, important, low but important, not important), ranked, with a
// segment filter (the attributes captured at invitation, e.g. region:north), and the same numbers in a table beside.
import { LitElement, html } from 'lit';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { errorNotice, submitted, latest } from '../shared/page.js';
import { staffStyles, label, table, num, BUCKET_COLOURS } from '../staff/common.js';
import '../staff/chart.js';

const BUCKETS = ['ESSENTIAL', 'IMPORTANT', 'LOW_BUT_IMPORTANT', 'NOT_IMPORTANT'];
const FIELD = { ESSENTIAL: 'essential', IMPORTANT: 'important', LOW_BUT_IMPORTANT: 'lowButImportant', NOT_IMPORTANT: 'notImportant' };
const QUERY = `query P($id: ID!, $segment: [String]) { priorities(consultationId: $id, segment: $segment) {
  respondents initiatives { initiativeId title rank score ratings counts { essential important lowButImportant notImportant } } } }`;
const SHOWN = 25;

class PrioritiesView extends LitElement {
  static styles = [pageStyles, staffStyles];
  static properties = { consultationId: { type: String }, data: { state: true }, error: { state: true }, all: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.requests = latest();
    this.load([]);
  }

  async load(segment) {
    try {
      this.data = (await this.requests(graphql(QUERY, { id: this.consultationId, segment: segment.length ? segment : null }))).priorities;
    } catch (e) {
      this.error = e;
    }
  }

  filter(event) {
    const text = String(submitted(event).data.get('segment') || '');
    this.load(text.split(',').map((s) => s.trim()).filter((s) => s.includes(':')));
  }

  option(rows) {
    const top = rows.slice(0, SHOWN).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: t('priorities.ratings') },
      yAxis: { type: 'category', data: top.map((r) => r.rank + '. ' + r.title), axisLabel: { width: 220, overflow: 'truncate' } },
      series: BUCKETS.map((b) => ({ name: label('bucket', b), type: 'bar', stack: 'all', itemStyle: { color: BUCKET_COLOURS[b] },
        data: top.map((r) => r.counts[FIELD[b]]) }))
    };
  }

  render() {
    const d = this.data;
    return html`
      <form class="filters" @submit=${this.filter}>
        <label>${t('priorities.segment')}<input name="segment" placeholder="region:north, household:tenant" size="30"></label>
        <button type="submit" class="secondary">${t('priorities.apply')}</button>
      </form>
      ${errorNotice(this.error)}
      ${d ? html`<p>${t('priorities.respondents', { n: num(d.respondents), count: d.respondents })}</p>
        <div class="chart-and-table">
          <rapport-chart .option=${this.option(d.initiatives)} height="${Math.max(360, Math.min(SHOWN, d.initiatives.length) * 24)}px"
            label=${t('priorities.chartLabel', { n: Math.min(SHOWN, d.initiatives.length) })}></rapport-chart>
          <div>${table(t('priorities.table'), [
            { title: t('priorities.col.rank'), num: true, cell: (r) => r.rank },
            { title: t('priorities.col.initiative'), cell: (r) => html`<bdi>${r.title}</bdi>` },
            { title: t('priorities.col.score'), num: true, cell: (r) => (r.score === null ? '–' : num(r.score, 1)) },
            { title: t('priorities.col.ratings'), num: true, cell: (r) => num(r.ratings) },
            ...BUCKETS.map((b) => ({ title: label('bucket', b), num: true, cell: (r) => num(r.counts[FIELD[b]]) }))
          ], this.all ? d.initiatives : d.initiatives.slice(0, SHOWN))}
          ${!this.all && d.initiatives.length > SHOWN ? html`<button class="secondary" @click=${() => { this.all = true; }}>
            ${t('priorities.showAll', { n: d.initiatives.length })}</button>` : ''}</div>
        </div>` : ''}`;
  }
}
customElements.define('rapport-priorities', PrioritiesView);

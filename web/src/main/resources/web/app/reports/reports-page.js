// Reports for analysts: renewal tiers vs actual renewal, ratings by staff member and touchpoint (share of five stars,
// average, count), greetings (share greeted, share asked), and cases by outcome over the last six months. Every chart
// has its table.
import { html } from 'lit';
import { RapportPage, errorNotice, loadingNotice } from '../shared/page.js';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { staffStyles, table, num, pct, monthStart, PALETTE } from '../staff/common.js';
import '../staff/chart.js';
import '../renewals/tier-report.js';

const MONTHS = 6;
const RATINGS = `query($by: RatingGrouping!, $from: DateTime, $to: DateTime) { ratingReport(by: $by, from: $from, to: $to) {
  overall { count average } groups { key count average distribution } } }`;
const GREETINGS = `query($from: DateTime, $to: DateTime) { greetingReport(from: $from, to: $to) {
  overall { visitors shareGreeted shareAsked } touchpoints { touchpoint visitors greeted shareGreeted shareAsked shareAskedWhenOffered } } }`;

function casesQuery() {
  const parts = [];
  for (let i = MONTHS - 1; i >= 0; i--) {
    parts.push(`m${i}: caseMetrics(from: "${monthStart(i)}", to: "${monthStart(i - 1)}") { opened resolvedAndConfirmed awaitingConfirmation open }`);
  }
  return `{ ${parts.join(' ')} }`;
}

class ReportsPage extends RapportPage {
  static styles = [pageStyles, staffStyles];
  static properties = { programmes: { state: true }, period: { state: true }, staff: { state: true }, touchpoints: { state: true },
    greetings: { state: true }, cases: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    const from = monthStart(12);
    const to = new Date(Date.now() + 86400000).toISOString();
    const fail = (e) => { this.error = e; };
    graphql('{ programmes { id name periods } }').then((d) => { this.programmes = d.programmes; this.period = d.programmes.length ? d.programmes[0].periods[0] : null; }).catch(fail);
    graphql(RATINGS, { by: 'STAFF', from, to }).then((d) => { this.staff = d.ratingReport; }).catch(fail);
    graphql(RATINGS, { by: 'TOUCHPOINT', from, to }).then((d) => { this.touchpoints = d.ratingReport; }).catch(fail);
    graphql(GREETINGS, { from, to }).then((d) => { this.greetings = d.greetingReport; }).catch(fail);
    graphql(casesQuery()).then((d) => { this.cases = d; }).catch(fail);
  }

  render() {
    const p = this.programmes && this.programmes[0];
    return html`
      <h1>${t('reports.title')}</h1>
      ${errorNotice(this.error)}
      <section class="card"><h2>${t('reports.renewals')}</h2>
        ${!this.programmes ? loadingNotice() : !p ? html`<p class="muted">${t('renewals.none')}</p>` : html`
          <label>${t('renewals.period')} <select @change=${(e) => { this.period = e.target.value; }}>
            ${p.periods.map((x) => html`<option ?selected=${x === this.period}>${x}</option>`)}</select></label>
          <p class="muted"><bdi>${p.name}</bdi></p>
          <rapport-tier-report .programmeId=${p.id} .period=${this.period}></rapport-tier-report>`}
      </section>
      <section class="card"><h2>${t('reports.ratingsByStaff')}</h2>${this.ratings(this.staff, 'staff')}</section>
      <section class="card"><h2>${t('reports.ratingsByTouchpoint')}</h2>${this.ratings(this.touchpoints, 'touchpoint')}</section>
      <section class="card"><h2>${t('reports.greetings')}</h2>${this.greetingsView()}</section>
      <section class="card"><h2>${t('reports.cases')}</h2>${this.casesView()}</section>`;
  }

  ratings(report, by) {
    if (!report) return loadingNotice();
    const five = (g) => (g.count && g.distribution ? g.distribution[4] / g.count : null);
    const rows = [...report.groups].sort((a, b) => (Number(b.average) || 0) - (Number(a.average) || 0));
    const option = {
      tooltip: { trigger: 'axis' }, grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((g) => g.key || '–') },
      yAxis: { type: 'value', min: 0, max: 5 },
      series: [{ type: 'bar', name: t('reports.average'), itemStyle: { color: PALETTE[by === 'staff' ? 0 : 1] }, data: rows.map((g) => Number(g.average)) }]
    };
    return html`<div class="chart-and-table">
      <rapport-chart .option=${option} height="260px" label=${t('reports.ratingsChart', { by: t('reports.by.' + by) })}></rapport-chart>
      ${table(t('reports.ratingsBy', { by: t('reports.by.' + by) }), [
        { title: t('reports.by.' + by), cell: (g) => html`<bdi>${g.key || '–'}</bdi>` },
        { title: t('reports.fiveStars'), num: true, cell: (g) => pct(five(g)) },
        { title: t('reports.average'), num: true, cell: (g) => num(g.average, 2) },
        { title: t('reports.count'), num: true, cell: (g) => num(g.count) }
      ], rows)}</div>`;
  }

  greetingsView() {
    const g = this.greetings;
    if (!g) return loadingNotice();
    const option = {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: g.touchpoints.map((x) => x.touchpoint) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { type: 'bar', name: t('reports.greeted'), itemStyle: { color: PALETTE[0] }, data: g.touchpoints.map((x) => Math.round(Number(x.shareGreeted) * 1000) / 10) },
        { type: 'bar', name: t('reports.asked'), itemStyle: { color: PALETTE[2] }, data: g.touchpoints.map((x) => Math.round(Number(x.shareAsked) * 1000) / 10) }
      ]
    };
    return html`<p>${t('reports.greetedOverall', { share: pct(g.overall.shareGreeted), n: num(g.overall.visitors) })}</p>
      <div class="chart-and-table">
        <rapport-chart .option=${option} height="260px" label=${t('reports.greetingsChart')}></rapport-chart>
        ${table(t('reports.greetings'), [
          { title: t('reports.touchpoint'), cell: (x) => html`<bdi>${x.touchpoint}</bdi>` },
          { title: t('reports.visitors'), num: true, cell: (x) => num(x.visitors) },
          { title: t('reports.greeted'), num: true, cell: (x) => pct(x.shareGreeted) },
          { title: t('reports.asked'), num: true, cell: (x) => pct(x.shareAsked) }
        ], g.touchpoints)}</div>`;
  }

  casesView() {
    if (!this.cases) return loadingNotice();
    const months = [];
    for (let i = MONTHS - 1; i >= 0; i--) months.push({ label: monthStart(i).slice(0, 7), ...this.cases['m' + i] });
    const series = [['resolvedAndConfirmed', PALETTE[1]], ['awaitingConfirmation', PALETTE[2]], ['open', PALETTE[5]]];
    const option = {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.label) }, yAxis: { type: 'value' },
      series: series.map(([k, color]) => ({ type: 'bar', stack: 'c', name: t('reports.case.' + k), itemStyle: { color }, data: months.map((m) => m[k]) }))
    };
    return html`<div class="chart-and-table">
      <rapport-chart .option=${option} height="280px" label=${t('reports.casesChart')}></rapport-chart>
      ${table(t('reports.cases'), [
        { title: t('reports.month'), cell: (m) => m.label },
        { title: t('reports.opened'), num: true, cell: (m) => num(m.opened) },
        ...series.map(([k]) => ({ title: t('reports.case.' + k), num: true, cell: (m) => num(m[k]) }))
      ], months)}</div>`;
  }
}
customElements.define('rapport-reports', ReportsPage);

// Renewal tiers vs actual renewal: per propensity tier 1–5, members, renewed (early and later), lapsed, undecided,
// renewal rate and lift (tier rate / programme rate). A chart of rate per tier with the programme's rate as a line,
// and the table: a score that does not predict renewal shows as flat bars at a glance.
import { LitElement, html } from 'lit';
import { graphql } from '../shared/graphql.js';
import { t, currentLanguage } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { errorNotice } from '../shared/page.js';
import { staffStyles, table, num, PALETTE } from '../staff/common.js';
import '../staff/chart.js';

const QUERY = `query R($p: ID!, $period: String!) { renewalReport(programmeId: $p, period: $period) {
  tiers { tier members renewedEarly renewed lapsed undecided renewalRate earlyRenewalRate lift }
  total { members renewalRate } } }`;

class TierReport extends LitElement {
  static styles = [pageStyles, staffStyles];
  static properties = { programmeId: { type: String }, period: { type: String }, report: { state: true }, error: { state: true } };

  updated(changed) {
    if ((changed.has('programmeId') || changed.has('period')) && this.programmeId && this.period) this.load();
  }

  async load() {
    try {
      this.report = (await graphql(QUERY, { p: this.programmeId, period: this.period })).renewalReport;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  /** The chart in words, from the figures it draws: each tier's renewal rate (or that none is known yet), then the programme's. */
  summary(r) {
    const rate = (x) => (x === null || x === undefined ? t('renewals.summary.unknown') : num(x, 1) + ' %');
    const tiers = r.tiers.map((x) => t('renewals.summary.tier', {
      stars: t('renewals.stars', { n: x.tier }), rate: x.members ? rate(x.renewalRate) : t('renewals.summary.empty') }));
    const list = new Intl.ListFormat(currentLanguage(), { type: 'unit', style: 'long' }).format(tiers);
    return t('renewals.summary', { period: this.period, tiers: list, rate: rate(r.total.renewalRate) });
  }

  render() {
    const r = this.report;
    if (!r) return errorNotice(this.error);
    const rate = (x) => (x === null || x === undefined ? null : Number(x));
    const option = {
      tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: r.tiers.map((x) => '★'.repeat(x.tier)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: t('renewals.rate'), type: 'bar', itemStyle: { color: PALETTE[0] }, data: r.tiers.map((x) => rate(x.renewalRate)),
          label: { show: true, position: 'top', formatter: (p) => (p.value === null ? '' : p.value + ' %') } },
        { name: t('renewals.programmeRate'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed', color: PALETTE[3] },
          itemStyle: { color: PALETTE[3] }, data: r.tiers.map(() => rate(r.total.renewalRate)) }
      ]
    };
    return html`<div class="chart-and-table">
      <rapport-chart .option=${option} height="300px" label=${this.summary(r)}></rapport-chart>
      ${table(t('renewals.table', { period: this.period }), [
        { title: t('renewals.col.tier'), cell: (x) => html`<span aria-label=${t('renewals.stars', { n: x.tier })}>${'★'.repeat(x.tier)}</span>` },
        { title: t('renewals.col.members'), num: true, cell: (x) => num(x.members) },
        { title: t('renewals.col.renewed'), num: true, cell: (x) => num(x.renewedEarly + x.renewed) },
        { title: t('renewals.col.lapsed'), num: true, cell: (x) => num(x.lapsed) },
        { title: t('renewals.col.undecided'), num: true, cell: (x) => num(x.undecided) },
        { title: t('renewals.col.rate'), num: true, cell: (x) => (x.renewalRate === null ? '–' : num(x.renewalRate, 1) + ' %') },
        { title: t('renewals.col.lift'), num: true, cell: (x) => (x.lift === null ? '–' : num(x.lift, 2)) }
      ], r.tiers)}</div>
      <p class="muted">${t('renewals.total', { members: num(r.total.members), rate: r.total.renewalRate === null ? '–' : num(r.total.renewalRate, 1) })}</p>`;
  }
}
customElements.define('rapport-tier-report', TierReport);

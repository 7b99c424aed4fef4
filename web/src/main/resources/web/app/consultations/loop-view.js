// Did we close the loop? Who heard back, how fast, yes / partly / no per initiative, and the "why not" threads:
// the open ones wait for a reply from staff.
import { LitElement, html } from 'lit';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { errorNotice, submitted } from '../shared/page.js';
import { staffStyles, label, table, num, pct, dateTime, PALETTE } from '../staff/common.js';
import '../staff/chart.js';

const QUERY = `query L($id: ID!) {
  loopMetrics(consultationId: $id) { respondents reachableRespondents answeredOnEverything shareAnswered medianHoursToAnswer
    openThreads answeredThreads closedThreads initiatives { initiativeId title asked yes partly no agreementRate openThreads } }
  whyNotThreads(consultationId: $id) { id contactId initiativeId status reopenCount lastActivity
    messages { author fromStaff body createdAt } } }`;

class LoopView extends LitElement {
  static styles = [pageStyles, staffStyles];
  static properties = { consultationId: { type: String }, data: { state: true }, error: { state: true }, notice: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.data = await graphql(QUERY, { id: this.consultationId });
    } catch (e) {
      this.error = e;
    }
  }

  async reply(event, thread) {
    const body = String(submitted(event).data.get('body')).trim();
    if (!body) return;
    try {
      await graphql(`mutation($id: ID!, $in: ThreadMessageInput!) { postThreadMessage(threadId: $id, input: $in) { id status } }`,
        { id: thread.id, in: { body } });
      this.notice = t('loop.replied');
      this.load();
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    if (!this.data) return errorNotice(this.error);
    const m = this.data.loopMetrics;
    const answered = (m.initiatives || []).filter((i) => i.asked > 0);
    const option = {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: answered.map((i) => i.title).reverse(), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [['yes', PALETTE[1]], ['partly', PALETTE[2]], ['no', PALETTE[5]]].map(([k, color]) => ({
        name: label('answer', k.toUpperCase()), type: 'bar', stack: 'a', itemStyle: { color }, data: answered.map((i) => i[k]).reverse() }))
    };
    const open = this.data.whyNotThreads.filter((th) => th.status === 'OPEN');
    return html`
      <div class="grid">
        <div class="card"><span class="figure">${pct(m.shareAnswered)}</span>${t('loop.heardBack', { n: num(m.answeredOnEverything), of: num(m.respondents) })}</div>
        <div class="card"><span class="figure">${m.medianHoursToAnswer === null ? '–' : num(m.medianHoursToAnswer, 1) + ' h'}</span>${t('loop.timeToAnswer')}</div>
        <div class="card"><span class="figure">${num(m.openThreads)}</span>${t('loop.openThreads')}</div>
        <div class="card"><span class="figure">${num(m.answeredThreads)}</span>${t('loop.answeredThreads')}</div>
      </div>
      ${answered.length ? html`<h3>${t('loop.answers')}</h3><div class="chart-and-table">
        <rapport-chart .option=${option} height="${Math.max(240, answered.length * 28)}px" label=${t('loop.answersChart')}></rapport-chart>
        ${table(t('loop.answers'), [
          { title: t('priorities.col.initiative'), cell: (i) => html`<bdi>${i.title}</bdi>` },
          { title: t('loop.asked'), num: true, cell: (i) => num(i.asked) },
          { title: label('answer', 'YES'), num: true, cell: (i) => num(i.yes) },
          { title: label('answer', 'PARTLY'), num: true, cell: (i) => num(i.partly) },
          { title: label('answer', 'NO'), num: true, cell: (i) => num(i.no) },
          { title: t('loop.agreement'), num: true, cell: (i) => pct(i.agreementRate) }
        ], answered)}</div>` : ''}
      <h3>${t('loop.threads', { n: open.length })}</h3>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${open.length ? '' : html`<p class="muted">${t('loop.noThreads')}</p>`}
      ${open.slice(0, 20).map((th) => html`<article class="card">
        <p class="muted"><a href="/staff/contacts/${th.contactId}">${t('loop.person')}</a> · ${dateTime(th.lastActivity)}
          ${th.reopenCount ? html` · ${t('loop.reopened', { n: th.reopenCount })}` : ''}</p>
        ${(th.messages || []).map((msg) => html`<p><strong>${msg.fromStaff ? t('loop.us') : t('loop.them')}:</strong> <bdi>${msg.body}</bdi></p>`)}
        <form @submit=${(e) => this.reply(e, th)}>
          <label>${t('loop.reply')}<textarea name="body" required></textarea></label>
          <button type="submit">${t('loop.send')}</button>
        </form></article>`)}`;
  }
}
customElements.define('rapport-loop', LoopView);

// Did we close the loop? Who heard back, how fast, yes / partly / no per initiative, and the "why not" threads:
// the open ones wait for a reply from staff. Threads and each thread's messages are connections: 20 at a time,
// "Show more" reads on with `after`.
import { LitElement, html } from 'lit';
import { graphql } from '../shared/graphql.js';
import { t } from '../shared/i18n.js';
import { pageStyles } from '../shared/styles.js';
import { errorNotice, submitted } from '../shared/page.js';
import { staffStyles, label, table, num, pct, dateTime, PALETTE } from '../staff/common.js';
import '../staff/chart.js';

const MESSAGES = `messages(first: 20, after: $messagesAfter) {
  edges { cursor node { author fromStaff body answer createdAt } } pageInfo { hasNextPage } }`;
const THREADS = `whyNotThreads(consultationId: $id, status: OPEN, first: 20, after: $after) {
    nodes { id contactId initiativeId status reopenCount lastActivity ${MESSAGES} } pageInfo { hasNextPage endCursor } }`;
const QUERY = `query L($id: ID!, $after: String, $messagesAfter: String) {
  loopMetrics(consultationId: $id) { respondents reachableRespondents answeredOnEverything shareAnswered medianHoursToAnswer
    openThreads answeredThreads closedThreads initiatives { initiativeId title asked yes partly no agreementRate openThreads } }
  ${THREADS} }`;
const MORE_THREADS = `query T($id: ID!, $after: String, $messagesAfter: String) { ${THREADS} }`;
const MORE_MESSAGES = `query M($thread: ID!, $messagesAfter: String) { whyNotThread(id: $thread) { id ${MESSAGES} } }`;

class LoopView extends LitElement {
  static styles = [pageStyles, staffStyles];
  static properties = { consultationId: { type: String }, data: { state: true }, threads: { state: true }, error: { state: true },
    notice: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const data = await graphql(QUERY, { id: this.consultationId, after: null, messagesAfter: null });
      this.threads = data.whyNotThreads;
      this.data = data;
    } catch (e) {
      this.error = e;
    }
  }

  async moreThreads() {
    try {
      const page = (await graphql(MORE_THREADS, { id: this.consultationId, after: this.threads.pageInfo.endCursor,
        messagesAfter: null })).whyNotThreads;
      this.threads = { ...page, nodes: [...this.threads.nodes, ...page.nodes] };
    } catch (e) {
      this.error = e;
    }
  }

  /** The thread's messages after the last one shown. */
  async moreMessages(thread) {
    try {
      const edges = thread.messages.edges;
      const page = (await graphql(MORE_MESSAGES, { thread: thread.id, messagesAfter: edges[edges.length - 1].cursor }))
        .whyNotThread.messages;
      const read = { ...thread, messages: { ...page, edges: [...edges, ...page.edges] } };
      this.threads = { ...this.threads, nodes: this.threads.nodes.map((th) => (th.id === thread.id ? read : th)) };
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
    const open = this.threads.nodes;
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
      <h3>${t('loop.threads', { n: m.openThreads })}</h3>
      ${this.notice ? html`<p class="notice ok" role="status">${this.notice}</p>` : ''}
      ${errorNotice(this.error)}
      ${open.length ? '' : html`<p class="muted">${t('loop.noThreads')}</p>`}
      ${open.map((th) => html`<article class="card">
        <p class="muted"><a href="/staff/contacts/${th.contactId}">${t('loop.person')}</a> · ${dateTime(th.lastActivity)}
          ${th.reopenCount ? html` · ${t('loop.reopened', { n: th.reopenCount })}` : ''}</p>
        ${th.messages.edges.map(({ node: msg }) => html`<p><strong>${msg.fromStaff ? t('loop.us') : t('loop.them')}:</strong>
          ${msg.answer ? html`<em class="answer" data-answer=${msg.answer}>${t('answer.' + msg.answer)}</em>${msg.body ? ' — ' : ''}` : ''}<bdi>${msg.body}</bdi></p>`)}
        ${th.messages.pageInfo.hasNextPage ? html`<button type="button" class="secondary" aria-label=${t('staff.more') + ': ' + t('loop.person')}
          @click=${() => this.moreMessages(th)}>${t('staff.more')}</button>` : ''}
        <form @submit=${(e) => this.reply(e, th)}>
          <label>${t('loop.reply')}<textarea name="body" required></textarea></label>
          <button type="submit">${t('loop.send')}</button>
        </form></article>`)}
      ${this.threads.pageInfo.hasNextPage ? html`<div class="pager"><button type="button" class="secondary"
        aria-label=${t('staff.more') + ': ' + t('loop.threads', { n: m.openThreads })} @click=${() => this.moreThreads()}>${t('staff.more')}</button></div>` : ''}`;
  }
}
customElements.define('rapport-loop', LoopView);

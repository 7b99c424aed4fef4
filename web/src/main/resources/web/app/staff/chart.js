// <rapport-chart>: an echarts chart (canvas: it sets no style attributes, which the pages' CSP refuses) for staff pages only; the person's pages never load
// it. Every chart has a table beside or below it with the same numbers: the chart is for the eye, the table for
// everyone. Pass option (an echarts option) and label: what the chart shows, in words, read by screen readers. echarts'
// aria component would otherwise write its own generated description over it ("This is a chart…", NaN for a gap).
import { LitElement, html, css } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

class RapportChart extends LitElement {
  static properties = { option: { attribute: false }, label: { type: String }, height: { type: String } };

  static styles = css`:host { display: block; } div { width: 100%; }`;

  constructor() {
    super();
    this.height = '360px';
  }

  render() {
    return html`<div role="img" aria-label=${this.label || ''}></div>`;
  }

  updated() {
    const box = this.renderRoot.querySelector('div');
    box.style.height = this.height; // through the CSSOM: a style attribute would break the CSP
    if (!this.chart) {
      this.chart = echarts.init(box, null, { renderer: 'canvas' });
      this.resize = new ResizeObserver(() => this.chart && this.chart.resize());
      this.resize.observe(box);
    }
    if (this.option) {
      // tooltips drawn in the canvas: echarts' HTML tooltips carry style attributes, which the CSP refuses
      const tooltip = this.option.tooltip ? { ...this.option.tooltip, renderMode: 'richText' } : undefined;
      this.chart.setOption({ aria: { enabled: true, label: { description: this.label || '' } }, animation: false, ...this.option, tooltip }, true);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.resize) this.resize.disconnect();
    if (this.chart) this.chart.dispose();
    this.chart = null;
  }
}
customElements.define('rapport-chart', RapportChart);

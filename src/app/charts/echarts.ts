/** ECharts with only the parts the app draws, rendered as SVG (crisp, and its text is in the DOM). */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, SankeyChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, SankeySeriesOption, ScatterSeriesOption } from 'echarts/charts';
import {
  AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import type {
  AriaComponentOption, DatasetComponentOption, GridComponentOption, LegendComponentOption, MarkAreaComponentOption, MarkLineComponentOption,
  TitleComponentOption, TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, PieChart, SankeyChart, ScatterChart,
  AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption | LineSeriesOption | PieSeriesOption | SankeySeriesOption | ScatterSeriesOption
  | AriaComponentOption | DatasetComponentOption | GridComponentOption | LegendComponentOption | MarkAreaComponentOption
  | MarkLineComponentOption | TitleComponentOption | TooltipComponentOption
>;

/**
 * Named explicitly: without it, exported chart images lose their Chinese text. Single quotes:
 * ECharts writes the stack into a double-quoted style attribute of its SVG without escaping.
 */
export const CJK_FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * What every chart shares: fonts, no animation (updates must be instant). ECharts' own generated
 * description is off: it reads NaN for missing points and is always in Chinese; Chart.svelte
 * describes each chart from its option in the UI language instead (describe.ts).
 */
export const BASE_OPTION: ChartOption = {
  textStyle: { fontFamily: CJK_FONTS },
  aria: { enabled: true, label: { enabled: false }, decal: { show: false } },
  animation: false,
};

/** For a chart whose series are many colours side by side: each also gets its own pattern. */
export const WITH_PATTERNS: ChartOption = { aria: { enabled: true, label: { enabled: false }, decal: { show: true } } };

export { echarts };

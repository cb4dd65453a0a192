/**
 * Charts drawn as the app draws them (its ECharts build, SVG, server side) and read back: every
 * text with its position, and where a value lands on the chart, so that a test asserts a figure
 * is printed where it belongs, not merely somewhere in the SVG (an axis tick may carry it too).
 */
import { BASE_OPTION, echarts, type ChartOption } from '../app/charts/echarts.ts';

export interface ChartText {
  text: string;
  x: number;
  y: number;
}

type Finder = Parameters<echarts.EChartsType['convertToPixel']>[0];

export interface DrawnChart {
  svg: string;
  texts: ChartText[];
  /** Where a value lands: a category or number on an axis, or a data point of a series. */
  pixel(finder: Finder, value: string | number | (string | number)[]): number | number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function drawChart(option: ChartOption, size: { width?: number; height?: number } = {}): DrawnChart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width ?? 600, height: size.height ?? 300 });
  chart.setOption({ ...BASE_OPTION, ...option });
  const svg = chart.renderToSVGString();
  const texts = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]): ChartText => {
    const attribute = (name: string) => Number(new RegExp(`\\s${name}="([-\\d.]+)"`).exec(attributes)?.[1] ?? 0);
    const [tx, ty] = (/translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(attributes)?.slice(1) ?? ['0', '0']).map(Number);
    return { text: content.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]), x: tx + attribute('x'), y: ty + attribute('y') };
  });
  return { svg, texts, pixel: (finder, value) => chart.convertToPixel(finder, value as never) as number | number[] };
}

/** The texts drawn at this x and/or y (within `tolerance` pixels), in drawing order. */
export function textsAt(chart: DrawnChart, at: { x?: number; y?: number }, tolerance = 1): string[] {
  const near = (a: number, b: number | undefined) => b === undefined || Math.abs(a - b) <= tolerance;
  return chart.texts.filter((t) => near(t.x, at.x) && near(t.y, at.y)).map((t) => t.text);
}

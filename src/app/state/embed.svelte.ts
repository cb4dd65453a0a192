/**
 * Embed mode (`embed=1`): the page shows one chart of its view and nothing else. The chart is
 * named by `chart`, or is the view's main one; it draws itself into the slot App provides.
 */
import { url, formatHash } from './url.svelte.ts';
import { EMBED_PARAMS } from './params.ts';
import { viewEntry } from '../views/registry.ts';

class EmbedState {
  readonly active: boolean = $derived(url.read(EMBED_PARAMS.embed));
  /** Where the embedded chart puts itself; set by App. */
  slot = $state.raw<HTMLElement | null>(null);
  readonly #named: string | null = $derived(url.read(EMBED_PARAMS.chart));

  /** Whether the chart called `name` is the one this embed shows. */
  shows(name: string): boolean {
    if (!this.active) return false;
    return this.#named !== null ? this.#named === name : (viewEntry(url.route.name)?.mainCharts ?? []).includes(name);
  }
}

export const embed = new EmbedState();

/** The current page's address as an absolute URL, with `patch` applied to its parameters (null removes). */
export function pageUrl(patch: Record<string, string | null> = {}): string {
  const params = { ...url.params };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete params[key];
    else params[key] = value;
  }
  const here = typeof window === 'undefined' ? 'http://localhost/' : window.location.href;
  return new URL(formatHash({ route: url.route, params }), here).href;
}

/** The address of an embed of chart `name` of this page. */
export const embedUrl = (name: string): string => pageUrl({ [EMBED_PARAMS.embed.key]: '1', [EMBED_PARAMS.chart.key]: name });

/** The full view an embed comes from. */
export const fullViewUrl = (): string => pageUrl({ [EMBED_PARAMS.embed.key]: null, [EMBED_PARAMS.chart.key]: null });

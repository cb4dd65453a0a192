/**
 * The one owner of URL state. The hash holds the view and what the user chose:
 * `#/compare?metric=disclosure_rate&year=2023`. Parameters are declared with their codec and
 * default (state/params.ts, views/params.ts); defaults never enter the URL, so a permalink
 * names only choices, and every choice is a history entry (back/forward work).
 */

import { APP_PARAMS, readParam, type Param, type ParamChange } from './params.ts';

export interface Route {
  /** overview, compare, trends, outcomes, procurement, newmedia, review, report, quality */
  name: string;
  /** The path segment after the name: the report id in `#/report/<id>`. */
  id: string | null;
}

export interface Location {
  route: Route;
  params: Record<string, string>;
}

export const DEFAULT_ROUTE = 'overview';

export function parseHash(hash: string): Location {
  const body = hash.replace(/^#/, '');
  const [path, search = ''] = body.split('?', 2);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) if (v !== '') params[k] = v;
  return { route: { name: segments[0] ?? DEFAULT_ROUTE, id: segments[1] ?? null }, params };
}

export function formatHash(location: Location): string {
  const { route, params } = location;
  const path = `#/${encodeURIComponent(route.name)}${route.id !== null ? `/${encodeURIComponent(route.id)}` : ''}`;
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '').sort(([a], [b]) => a.localeCompare(b))).toString();
  return search ? `${path}?${search}` : path;
}

/** Parameters that belong to the whole app rather than one view, kept when the view changes. */
const GLOBAL_PARAMS = Object.values(APP_PARAMS).map((p) => p.key);

class UrlState {
  #location = $state<Location>(parseHash(typeof window === 'undefined' ? '' : window.location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      // Back/forward between pushState entries fires popstate; a typed or linked hash fires hashchange.
      const sync = () => {
        if (window.location.hash !== formatHash(this.#location)) this.#location = parseHash(window.location.hash);
      };
      window.addEventListener('popstate', sync);
      window.addEventListener('hashchange', sync);
    }
  }

  get route(): Route {
    return this.#location.route;
  }

  get params(): Readonly<Record<string, string>> {
    return this.#location.params;
  }

  /** A declared parameter's value: its default when absent or not a value it can hold. */
  read<T>(p: Param<T>): T {
    return readParam(this.#location.params, p);
  }

  /** Set declared parameters at once (one history entry): `url.write(change(P.sort, 'agency'), …)`. */
  write(...changes: ParamChange[]): void {
    this.set(Object.fromEntries(changes.map((c) => [c.key, c.value])));
  }

  /** Change parameters of the current view; null removes a key. Views use `write` with declared parameters. */
  set(patch: Record<string, string | null>): void {
    const params = { ...this.#location.params };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === '') delete params[key];
      else params[key] = value;
    }
    this.#navigate({ route: this.#location.route, params });
  }

  /**
   * Record in the URL what a view settled by itself (the latest year it found), replacing the
   * current history entry: a link copied now reproduces this screen after the data changes.
   */
  pin(...changes: ParamChange[]): void {
    const params = { ...this.#location.params };
    for (const c of changes) {
      if (c.value === null || c.value === '') delete params[c.key];
      else params[c.key] = c.value;
    }
    const next = { route: this.#location.route, params };
    const hash = formatHash(next);
    if (hash === formatHash(this.#location)) return;
    if (typeof window !== 'undefined') window.history.replaceState(null, '', hash);
    this.#location = parseHash(hash);
  }

  /** Go to another view; app-wide parameters (language, filters) travel along. */
  go(name: string, id: string | null = null, params: Record<string, string> = {}): void {
    const kept = Object.fromEntries(GLOBAL_PARAMS.filter((k) => k in this.#location.params).map((k) => [k, this.#location.params[k]]));
    this.#navigate({ route: { name, id }, params: { ...kept, ...params } });
  }

  /** A link to another view keeping app-wide parameters, for `<a href>`. */
  href(name: string, id: string | null = null, params: Record<string, string> = {}): string {
    const kept = Object.fromEntries(GLOBAL_PARAMS.filter((k) => k in this.#location.params).map((k) => [k, this.#location.params[k]]));
    return formatHash({ route: { name, id }, params: { ...kept, ...params } });
  }

  #navigate(next: Location): void {
    const hash = formatHash(next);
    if (typeof window === 'undefined') {
      this.#location = next;
      return;
    }
    if (hash === formatHash(this.#location)) return;
    window.history.pushState(null, '', hash);
    this.#location = parseHash(hash);
  }
}

export const url = new UrlState();

/**
 * The one owner of URL state. The hash holds the view and what the user chose:
 * `#/compare?metric=disclosure_rate&year=2023`. Defaults never enter the URL, so a permalink
 * names only choices, and every choice is a history entry (back/forward work).
 */

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
const GLOBAL_PARAMS = ['ds', 'lang', 'region', 'level', 'tpl', 'from', 'to', 'scope'];

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

  get(key: string): string | null {
    return this.#location.params[key] ?? null;
  }

  /** Comma-separated list parameter. */
  getList(key: string): string[] {
    const v = this.get(key);
    return v ? v.split(',').filter(Boolean) : [];
  }

  /**
   * Change parameters of the current view. `null` (or the default, when given) removes a key,
   * keeping defaults out of the URL.
   */
  set(patch: Record<string, string | number | readonly string[] | null | undefined>, defaults: Record<string, string> = {}): void {
    const params = { ...this.#location.params };
    for (const [key, raw] of Object.entries(patch)) {
      const value = raw === null || raw === undefined ? '' : Array.isArray(raw) ? raw.join(',') : String(raw);
      if (value === '' || value === defaults[key]) delete params[key];
      else params[key] = value;
    }
    this.#navigate({ route: this.#location.route, params });
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

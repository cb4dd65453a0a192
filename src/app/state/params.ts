/**
 * Every URL parameter the app reads, declared once with its namespace, codec and default: the
 * app-wide ones travel from view to view, each view's own stay with it. Views read and write
 * parameters only through these declarations (`url.read`, `url.write`), so a value the URL
 * cannot hold is never seen and a default never enters the URL. `clashes` finds two
 * declarations of one key that can be in the URL together.
 */

export interface Codec<T> {
  /** The value a URL string stands for; undefined when it stands for none (the default applies). */
  decode(raw: string): T | undefined;
  encode(value: T): string;
}

export interface Param<T> {
  namespace: string;
  key: string;
  codec: Codec<T>;
  fallback: T;
}

/** The namespace of parameters kept across views (language, dataset, filters). */
export const APP = 'app';

export const codecs = {
  text: (): Codec<string> => ({ decode: (raw) => raw, encode: (v) => v }),
  choice: <const T extends string>(values: readonly T[]): Codec<T> => ({ decode: (raw) => values.find((v) => v === raw), encode: (v) => v }),
  /** A whole number not below `min`. */
  integer: (min = 0): Codec<number> => ({ decode: (raw) => (/^\d+$/.test(raw) && Number(raw) >= min ? Number(raw) : undefined), encode: (v) => String(v) }),
  flag: (): Codec<boolean> => ({ decode: (raw) => (raw === '1' ? true : undefined), encode: (v) => (v ? '1' : '') }),
  list: (): Codec<string[]> => ({ decode: (raw) => raw.split(',').filter(Boolean), encode: (v) => v.join(',') }),
  /** A value that may be absent: `null` is the default and stays out of the URL. */
  optional: <T>(inner: Codec<T>): Codec<T | null> => ({ decode: (raw) => inner.decode(raw), encode: (v) => (v === null ? '' : inner.encode(v)) }),
};

export const param = <T>(namespace: string, key: string, codec: Codec<T>, fallback: T): Param<T> => ({ namespace, key, codec, fallback });

export function readParam<T>(params: Readonly<Record<string, string>>, p: Param<T>): T {
  const raw = params[p.key];
  if (raw === undefined) return p.fallback;
  return p.codec.decode(raw) ?? p.fallback;
}

/** The URL patch for a value: null (the key leaves the URL) when it is the default. */
export function encodeParam<T>(p: Param<T>, value: T): string | null {
  const encoded = p.codec.encode(value);
  return encoded === '' || encoded === p.codec.encode(p.fallback) ? null : encoded;
}

/** A declared parameter's new value as it goes into the URL, for `url.write`. */
export interface ParamChange {
  key: string;
  value: string | null;
}

export const change = <T>(p: Param<T>, value: T): ParamChange => ({ key: p.key, value: encodeParam(p, value) });

/**
 * Keys declared twice where both can be in the URL at once: within one namespace, or a view's
 * key that is also app-wide (views are never in the URL together, so they may share a key).
 */
export function clashes(params: readonly Param<unknown>[]): string[] {
  const out: string[] = [];
  params.forEach((a, i) => {
    for (const b of params.slice(i + 1)) {
      if (a.key !== b.key) continue;
      if (a.namespace === b.namespace || a.namespace === APP || b.namespace === APP) out.push(`${a.key}: ${a.namespace} and ${b.namespace}`);
    }
  });
  return out;
}

const LANGS = ['zh', 'en'] as const;

/** Parameters of the whole app, kept when the view changes. The filters' own reading is queries/filters.ts. */
export const APP_PARAMS = {
  lang: param(APP, 'lang', codecs.choice(LANGS), 'zh'),
  dataset: param(APP, 'ds', codecs.optional(codecs.text()), null),
  region: param(APP, 'region', codecs.optional(codecs.text()), null),
  levels: param(APP, 'level', codecs.list(), []),
  template: param(APP, 'tpl', codecs.optional(codecs.text()), null),
  yearFrom: param(APP, 'from', codecs.optional(codecs.integer()), null),
  yearTo: param(APP, 'to', codecs.optional(codecs.integer()), null),
  scope: param(APP, 'scope', codecs.optional(codecs.text()), null),
};

/**
 * One chart alone, for an <iframe> in someone else's page: `embed=1`, and `chart` names which
 * (the view's main chart when absent). Not app-wide: a link out of an embed leaves embed mode.
 */
export const EMBED_PARAMS = {
  embed: param(APP, 'embed', codecs.flag(), false),
  chart: param(APP, 'chart', codecs.optional(codecs.text()), null),
};

/**
 * Colours, one per meaning, the same in every view. Built on Okabe and Ito's palette, whose
 * colours stay apart under the common colour-vision deficiencies (deuteranopia, protanopia,
 * tritanopia); where a chart needs many, it adds shapes, patterns or direct labels besides.
 */
export const OKABE_ITO = {
  blue: '#0072B2', orange: '#E69F00', sky: '#56B4E9', green: '#009E73', vermillion: '#D55E00',
  purple: '#CC79A7', black: '#000000', yellow: '#F0E442', grey: '#8C8C8C',
} as const;

const C = OKABE_ITO;

/** Series told apart only by their order (agencies, groups, platforms): yellow last, it is pale on white. */
export const SERIES_COLORS = [C.blue, C.orange, C.green, C.vermillion, C.purple, C.sky, C.black, C.yellow] as const;
/** With SERIES_COLORS, a shape per series, so lines stay apart in grey. */
export const SERIES_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle', 'emptyDiamond'] as const;

export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;
export const seriesSymbol = (i: number): string => SERIES_SYMBOLS[i % SERIES_SYMBOLS.length]!;

/** How applications ended (table 3 groups). */
export const OUTCOME_COLORS = {
  granted: C.blue, partially_granted: C.sky, denied: C.vermillion, unable: C.orange, not_processed: C.purple, other: C.grey,
} as const;

/** How reviews and lawsuits ended (table 4 columns). */
export const RESULT_COLORS: Record<string, string> = { upheld: C.blue, corrected: C.vermillion, other: C.grey, pending: C.orange };

/** Measures drawn in more than one view. */
export const MEASURE_COLORS: Record<string, string> = {
  applications: C.blue, disclosure_rate: C.vermillion, review_cases: C.blue, lawsuits: C.sky, review_correction_rate: C.vermillion,
  procurement: C.blue, followers: C.green, posts: C.blue,
};

/** Arithmetic checks: a hard failure, a soft one, an uncertain result. */
export const CHECK_COLORS = { hard: C.vermillion, soft: C.orange, uncertain: C.orange } as const;

/** A real report's bar, a demo report's (paler, and the name carries the demo mark), and one the reader added (its name marked too). */
export const REPORT_COLORS = { real: C.blue, synthetic: C.sky, own: C.purple } as const;

/** A figure from too few cases to lean on: the rate's own colour, paler. */
export const SMALL_N_COLOR = '#F2B98F';

/** Template versions in registry order, later versions darker. */
export const TEMPLATE_COLORS = [C.sky, C.blue, '#003A5C'] as const;
export const UNRECOGNISED_COLOR = C.grey;

/** Constants a view and its first paint (first-paint.ts) must agree on. */
import { measureById } from '../queries/measures.ts';

/** The measures beside the ranked one in Compare's side-by-side table. */
export const COMPARE_SIDE_MEASURES = ['applications', 'outcomes', 'granted', 'disclosure_rate', 'not_held_share', 'review_cases', 'review_correction_rate', 'lawsuits'].map(measureById);

/** Quality's issues list, a page at a time. */
export const QUALITY_PAGE_SIZE = 100;

/**
 * A view's list of reports runs to 10⁵ rows at national scale, and turning that many rows into
 * objects takes the browser seconds; the page asks only for the rows it shows first, each
 * carrying the whole list's length, and for every row when the reader asks (show all, export).
 */

/** Rows of a list a view shows before "show all". */
export const LIST_HEAD = 50;

/** Added to a list's SELECT when it is cut to its head: the length of the whole list (a window count, taken before the LIMIT). */
export const listTotalColumn = (head: number | null): string => (head === null ? '' : ', count(*) OVER ()::INTEGER AS list_total');

/** Ends a list query cut to its head. */
export const listLimit = (head: number | null): string => (head === null ? '' : `\nLIMIT ${Math.trunc(head)}`);

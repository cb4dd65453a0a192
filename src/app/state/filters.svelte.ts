/** The shared filters as reactive state, read from and written to the URL. */
import { url } from './url.svelte.ts';
import { filtersFromParams, filtersToParams, NO_FILTERS, type Filters } from '../queries/filters.ts';

class FilterState {
  readonly current: Filters = $derived(filtersFromParams(url.params));

  set(patch: Partial<Filters>): void {
    url.set(filtersToParams({ ...this.current, ...patch }));
  }

  clear(): void {
    url.set(filtersToParams(NO_FILTERS));
  }
}

export const filters = new FilterState();

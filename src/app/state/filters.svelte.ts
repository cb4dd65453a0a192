/** The shared filters as reactive state, read from and written to the URL. */
import { url } from './url.svelte.ts';
import { filtersFromParams, filtersToParams, type Filters } from '../queries/filters.ts';

class FilterState {
  readonly current: Filters = $derived(filtersFromParams(url.params));

  set(patch: Partial<Filters>): void {
    url.set(filtersToParams({ ...this.current, ...patch }));
  }

  clear(): void {
    url.set(filtersToParams({ region: null, levels: [], template: null, yearFrom: null, yearTo: null, source: 'all' }));
  }
}

export const filters = new FilterState();

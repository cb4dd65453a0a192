/**
 * Which dataset the page shows: the real reports (default) or the invented demo corpus
 * (`?ds=demo`). One dataset per page load, so real and demo rows never meet in one query;
 * switching reloads the page on the other dataset, keeping the view and the language.
 */
import { DATASETS, DEFAULT_DATASET, type DatasetName } from '../../model/dataset.ts';
import { formatHash, parseHash } from './url.svelte.ts';
import { APP_PARAMS } from './params.ts';
import { SQL_PARAMS } from '../views/params.ts';

export function datasetOf(hash: string): DatasetName {
  const requested = parseHash(hash).params.ds;
  return requested && requested in DATASETS ? (requested as DatasetName) : DEFAULT_DATASET;
}

export const currentDataset = (): DatasetName => datasetOf(typeof window === 'undefined' ? '' : window.location.hash);

export function switchDataset(target: DatasetName): void {
  const location = parseHash(window.location.hash);
  // the language, and a console statement (it names tables, which both datasets have); other choices name one dataset's reports
  const keep = Object.fromEntries(Object.entries(location.params).filter(([key]) => key === APP_PARAMS.lang.key || key === SQL_PARAMS.query.key));
  const params = target === DEFAULT_DATASET ? keep : { ...keep, ds: target };
  window.location.hash = formatHash({ route: { name: location.route.name === 'report' ? 'overview' : location.route.name, id: null }, params });
  window.location.reload();
}

import { DATASETS, MANIFEST_FILE } from '../../model/dataset.ts';
import { currentDataset } from '../state/dataset.ts';

/** Where the page's dataset lives: `<base>/data/<dataset>/` of the app's own origin. */
export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${DATASETS[currentDataset()]}/${file}`;
}

/** A file of the dataset as text, never from a stale cache; null when the server has none. */
export async function fetchDataText(file: string): Promise<string | null> {
  const response = await fetch(dataUrl(file), { cache: 'no-cache' });
  return response.ok ? response.text() : null;
}

let manifest: Promise<string | null> | null = null;

/**
 * The served manifest.json text, fetched once per page: the database, the precomputed answers
 * and the share dialog all judge the dataset by this one copy.
 */
export function servedManifestText(): Promise<string | null> {
  manifest ??= fetchDataText(MANIFEST_FILE).catch(() => null);
  return manifest;
}

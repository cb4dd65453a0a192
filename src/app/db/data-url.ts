import { DATASETS } from '../../model/dataset.ts';
import { currentDataset } from '../state/dataset.ts';

/** Where the page's dataset lives: `<base>/data/<dataset>/` of the app's own origin. */
export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${DATASETS[currentDataset()]}/${file}`;
}

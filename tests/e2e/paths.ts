import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The dataset as served by the built app. */
/** The e2e suite runs on the demo dataset (its figures are known in advance); real-data tests pass -less URLs and read REAL_DATA. */
export const SERVED_DATA = resolve(REPO_ROOT, 'dist/data/demo');
export const REAL_DATA = resolve(REPO_ROOT, 'dist/data/real');
export const SHOTS_DIR = '/tmp/shots';

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The dataset as served by the built app. */
export const SERVED_DATA = resolve(REPO_ROOT, 'dist/data');
export const SHOTS_DIR = '/tmp/shots';

/**
 * The Overview's figures precomputed for the unfiltered dataset (scripts/overview-json.ts),
 * trusted only when built from the manifest the server holds now.
 */
import type { OverviewData } from '../queries/overview.ts';
import { dataUrl } from './database.ts';

class Precomputed {
  overview = $state.raw<OverviewData | null>(null);
  settled = $state(false);
}

export const precomputed = new Precomputed();

async function fetchText(file: string): Promise<string | null> {
  const response = await fetch(dataUrl(file), { cache: 'no-cache' });
  return response.ok ? response.text() : null;
}

export async function loadPrecomputed(): Promise<void> {
  try {
    const [overview, manifest] = await Promise.all([fetchText('overview.json'), fetchText('manifest.json')]);
    if (overview === null || manifest === null) return;
    const parsed = JSON.parse(overview) as { manifest: string; data: OverviewData };
    if (parsed.manifest === manifest) precomputed.overview = parsed.data;
  } catch {
    // A missing or stale file only means the Overview waits for DuckDB.
  } finally {
    precomputed.settled = true;
  }
}

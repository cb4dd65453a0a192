/**
 * Build the app when the build is older than its sources or data, then serve `dist/` with
 * `vite preview` on 127.0.0.1 on a free port. Used by the e2e tests, the screenshot script and
 * the app benchmark.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** `npm test` on a fresh clone: the default dataset is generated, not committed. */
function makeDataIfMissing(): void {
  if (existsSync(join(REPO_ROOT, 'public/data/demo/manifest.json'))) return;
  console.log('public/data/ is missing: running `npm run data` first');
  const result = spawnSync('npm', ['run', 'data'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run data failed; see the output above');
}

export function buildIfNeeded(): void {
  makeDataIfMissing();
  const built = existsSync(join(REPO_ROOT, 'dist/index.html')) ? statSync(join(REPO_ROOT, 'dist/index.html')).mtimeMs : 0;
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(REPO_ROOT, p))));
  if (built > sources && !process.env.GONGKAI_E2E_REBUILD) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed; see the output above');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * A folder serving the built app with other data: every entry of dist/ linked except `data/`,
 * which is left empty for the caller to fill. Pass it to startPreview.
 */
export function distWithOwnData(): string {
  buildIfNeeded();
  const dist = mkdtempSync(join(tmpdir(), 'gongkai-dist-'));
  for (const entry of readdirSync(join(REPO_ROOT, 'dist'))) {
    if (entry !== 'data') symlinkSync(join(REPO_ROOT, 'dist', entry), join(dist, entry));
  }
  mkdirSync(join(dist, 'data'));
  return dist;
}

export interface Preview {
  baseUrl: string;
  stop(): void;
}

/** Serves dist/, or `outDir` (a copy of the build with other data) when given. */
export async function startPreview(outDir?: string): Promise<Preview> {
  buildIfNeeded();
  const port = await freePort();
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(outDir ? ['--outDir', outDir] : [])];
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/vite'), args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(baseUrl, child, 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  // never leave the server behind, even when the caller dies on an exception or a signal
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return { baseUrl, stop };
}

/** Vitest globalSetup of the e2e project: one built app served for every test file (`inject('baseUrl')`). */
import type { TestProject } from 'vitest/node';
import { startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const preview = await startPreview();
  project.provide('baseUrl', preview.baseUrl);
  return async () => preview.stop();
}

#!/usr/bin/env node
// The command runs the TypeScript sources directly: tsx compiles them in this process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

import { mount } from 'svelte';
import App from './App.svelte';
import { startDatabase } from './db/database.ts';
import { loadPrecomputed } from './db/precomputed.svelte.ts';
import { url } from './state/url.svelte.ts';
import { viewEntry } from './views/registry.ts';
import './app.css';

// Both start at once: the first view draws from its precomputed answers while DuckDB starts
// (asked for before anything mounts, so the filter bar's first query finds them too).
const first = viewEntry(url.route.name);
if (first?.firstPaint) loadPrecomputed(first.route);
startDatabase().catch(() => {
  // The shell shows dbStatus.error; nothing else to do here.
});

mount(App, { target: document.getElementById('app')! });

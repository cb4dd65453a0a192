import { mount } from 'svelte';
import App from './App.svelte';
import { startDatabase } from './db/database.ts';
import { loadPrecomputed } from './db/precomputed.svelte.ts';
import './app.css';

// Both start at once: the precomputed overview draws the first chart while DuckDB starts.
loadPrecomputed();
startDatabase().catch(() => {
  // The shell shows dbStatus.error; nothing else to do here.
});

mount(App, { target: document.getElementById('app')! });

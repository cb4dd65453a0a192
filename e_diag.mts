import { generateDemoReports } from './src/demo/generate.ts';
import { RENDERINGS } from './src/demo/render.ts';
import { differences, parseRendering } from './src/demo/roundtrip.ts';
const reports = generateDemoReports({ seed: Number(process.argv[2] ?? 7), agencies: Number(process.argv[3] ?? 20) });
const only = process.argv[4];
for (const rendering of RENDERINGS) {
  if (only && rendering !== only) continue;
  const kinds = new Map<string, number>(); let bad = 0; const examples = new Map<string, string>();
  for (const r of reports) {
    let d: string[];
    try { d = differences(r, parseRendering(r, rendering), rendering); } catch (e) { d = [`THROW ${(e as Error).message.slice(0, 80)}`]; }
    if (d.length) bad++;
    for (const x of d) {
      const k = x.startsWith('metric') ? x.replace(/=.*/, '') : x.startsWith('t') && x.includes(':') ? x.split(':')[0].split('.').slice(0, 1).join('.') + ' ' + (x.match(/got (\w+)/)?.[1] ?? '') + '→want ' + (x.match(/want (\w+)/)?.[1] ?? '') : x.slice(0, 40);
      kinds.set(k, (kinds.get(k) ?? 0) + 1); if (!examples.has(k)) examples.set(k, `${r.agency.name} ${r.year} ${r.template}: ${x}`);
    }
  }
  console.log(`== ${rendering}: ${bad}/${reports.length} reports differ`);
  for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${k}\t| ${examples.get(k)}`);
}

// Summarises a V8 .cpuprofile (from BENCH_CPU_PROF): where the target's CPU time went, by function
// (self time) and by package or source folder. Usage:
//   node --import tsx bench/profile-summary.ts <file.cpuprofile> [rows]
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [rows]');
  process.exit(1);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

/** node_modules/<pkg>, packages/<name>/src/<folder>, or the V8/Node category. */
function where(url: string, name: string): string {
  if (!url) return name || '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const source = /\/(packages\/[^/]+\/src\/[^/]+)/.exec(url);
  if (source) return source[1]!;
  return url.startsWith('node:') ? url.split('/').slice(0, 2).join('/') : url;
}

const selfByFunction = new Map<string, number>();
const selfByPlace = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  const node = byId.get(id);
  if (!node) return;
  total += delta;
  const { functionName, url, lineNumber } = node.callFrame;
  const place = where(url, functionName);
  const key = `${functionName || '(anonymous)'}  ${place}${url ? `:${lineNumber + 1}` : ''}`;
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + delta);
  selfByPlace.set(place, (selfByPlace.get(place) ?? 0) + delta);
});

const print = (title: string, table: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((100 * micros) / total).toFixed(1).padStart(6)} %  ${key}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('Self time by function', selfByFunction);
print('Self time by package or source folder', selfByPlace);

// npm test: builds the web app (the browser tests load it), then runs every *.test.ts with node:test.
// Extra arguments narrow the run: `npm test -- packages/server/src/modules/accounts`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

function findTests(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(full, found);
    else if (entry.name.endsWith('.test.ts')) found.push(path.relative(root, full));
  }
  return found;
}

const files = [...findTests(path.join(root, 'packages')), ...(fs.existsSync(path.join(root, 'examples')) ? findTests(path.join(root, 'examples')) : [])]
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ')}`);
  process.exit(1);
}

const needsWeb = files.some((file) => file.includes('browser'));
if (needsWeb && fs.existsSync(path.join(root, 'packages/web/vite.config.ts'))) {
  console.log('Building the web app for the browser tests…');
  const build = spawnSync('npm', ['run', 'build', '--silent', '-w', '@tijara/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Running ${files.length} test files…`);
const run = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(run.status ?? 1);

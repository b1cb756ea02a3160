// `npm test`: the whole suite — vitest (unit + integration), then Playwright (e2e in
// Chromium), then the e2e timings — and one closing line that adds the counts:
// "N passed, N failed, N skipped". The timings are measurements, printed apart: they add
// no passes; a timing run that breaks or trips its guard counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const FILES = {
  vitest: 'test-results/vitest.json',
  e2e: 'test-results/e2e.json',
  timings: 'test-results/timings.json',
};
mkdirSync('test-results', { recursive: true });
for (const f of Object.values(FILES)) rmSync(f, { force: true });

function run(args, env = {}) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const PLAYWRIGHT = 'node_modules/@playwright/test/cli.js';
const vitestStatus = run([
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${FILES.vitest}`,
]);
const e2eStatus = run([PLAYWRIGHT, 'test', '--project', 'e2e'], { CHUMON_E2E_JSON: FILES.e2e });
const timingsStatus = run([PLAYWRIGHT, 'test', '--project', 'timings', '--no-deps'], {
  CHUMON_E2E_JSON: FILES.timings,
  CHUMON_RENDERER_BUILT: '1',
});

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Every annotation of type "timing" in a Playwright JSON report. */
function timingLines(report) {
  const lines = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        for (const a of test.annotations ?? []) if (a.type === 'timing') lines.push(a.description);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report?.suites ?? []) walk(suite);
  return lines;
}

const vitest = readJson(FILES.vitest);
const e2e = readJson(FILES.e2e);
const timings = readJson(FILES.timings);
const passed = (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed =
  (vitest?.numFailedTests ?? 0) +
  // A test file that could not even be collected (an import that throws) has no failed test.
  (vitest?.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length +
  (e2e?.stats?.unexpected ?? 0) +
  (e2e?.stats?.flaky ?? 0) +
  (timings?.stats?.unexpected ?? 0) +
  (timings?.stats?.flaky ?? 0) +
  // A run that could not even report counts as a failure.
  (vitest ? 0 : 1) +
  (e2e ? 0 : 1) +
  (timings ? 0 : 1);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);

/** The name of every test that failed, so the run's last lines say which (the log above may be cut). */
function failedNames() {
  const names = [];
  for (const file of vitest?.testResults ?? []) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    if (file.status === 'failed' && file.assertionResults.length === 0)
      names.push(`${where}: ${file.message ?? 'could not run'}`);
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed')
        names.push(`${where} › ${t.fullName}: ${(t.failureMessages?.[0] ?? '').split('\n')[0]}`);
  }
  const walk = (suite, where) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === 'unexpected' || test.status === 'flaky')
          names.push(`${spec.file ?? where} › ${spec.title} (${test.status})`);
    for (const child of suite.suites ?? []) walk(child, child.file ?? where);
  };
  for (const report of [e2e, timings]) for (const suite of report?.suites ?? []) walk(suite, suite.file);
  return names;
}

console.log('\ntimings (measured, not counted as tests):');
for (const line of timingLines(timings)) console.log(`  ${line}`);
const failures = failedNames();
if (failures.length > 0) {
  console.log('failed:');
  for (const name of failures) console.log(`  ${name.slice(0, 300)}`);
}
console.log(`vitest: exit ${vitestStatus}; playwright: exit ${e2eStatus}; timings: exit ${timingsStatus}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitestStatus === 0 && e2eStatus === 0 && timingsStatus === 0 && failed === 0 && passed > 0 ? 0 : 1);

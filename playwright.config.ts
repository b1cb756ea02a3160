import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (no browser download), against browser mode.
 * The flags keep Chromium off the network it cannot reach here.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list'], ['json', { outputFile: process.env.CHUMON_E2E_JSON ?? 'test-results/e2e.json' }]],
  // The timings run after every other test, alone, so that a parallel test's work is not
  // timed with their page.
  projects: [
    // Each project its own output folder: a run of one does not empty the other's traces.
    { name: 'e2e', testIgnore: /timings\.spec\.ts/, outputDir: 'test-results/e2e-artifacts' },
    {
      name: 'timings',
      testMatch: /timings\.spec\.ts/,
      dependencies: ['e2e'],
      outputDir: 'test-results/timings-artifacts',
    },
  ],
  use: {
    viewport: { width: 1400, height: 860 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

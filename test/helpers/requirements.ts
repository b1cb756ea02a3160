import { spawnSync } from 'node:child_process';
import { describe, it, type TestContext } from 'vitest';

/**
 * Tools and services some suites need beyond Node: CI installs and starts every one of them
 * (.ci/run, .ci/services.sh), so under CI=true a missing one is a broken run and fails it;
 * on a developer's machine the suites that need it skip, and their names say why.
 */
export interface Requirement {
  what: string;
  here: boolean;
  /** How to get it, for the message. */
  setup: string;
}

export const UNDER_CI = process.env.CI === 'true' || process.env.CI === '1';

/** True when a command-line tool is on PATH. */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

export const ZBARIMG: Requirement = {
  what: 'zbarimg',
  here: hasTool('zbarimg'),
  setup: 'apt-get install zbar-tools',
};

export const PDFTOTEXT: Requirement = {
  what: 'pdftotext',
  here: hasTool('pdftotext'),
  setup: 'apt-get install poppler-utils',
};

/** The cups-pdf queue the printing suite prints to. */
export const CUPS_QUEUE = 'Chumon_PDF';

export const CUPS: Requirement = {
  what: `the CUPS queue ${CUPS_QUEUE}`,
  here: hasTool('lpstat') && spawnSync('lpstat', ['-p', CUPS_QUEUE]).status === 0,
  setup: 'apt-get install cups printer-driver-cups-pdf, then bash .ci/services.sh',
};

/** A second cups-pdf queue whose paper is A5: documents that each go to their own printer. */
export const CUPS_QUEUE_A5 = 'Chumon_PDF_A5';

export const CUPS_TWO_QUEUES: Requirement = {
  what: `the CUPS queues ${CUPS_QUEUE} and ${CUPS_QUEUE_A5}`,
  here: CUPS.here && hasTool('ipptool') && spawnSync('lpstat', ['-p', CUPS_QUEUE_A5]).status === 0,
  setup: 'apt-get install cups printer-driver-cups-pdf cups-ipp-utils, then bash .ci/services.sh',
};

export const POSTGRES: Requirement = {
  what: 'PostgreSQL (DATABASE_URL)',
  here: Boolean(process.env.DATABASE_URL),
  setup: 'bash .ci/services.sh starts one; export DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres',
};

function missing(req: Requirement): Error {
  return new Error(`CI=true but ${req.what} is missing (${req.setup}): the run fails rather than skip it.`);
}

/** describe() for a suite that needs `req`: runs it, skips it (saying why), or under CI fails. */
export function describeNeeding(req: Requirement, name: string, body: () => void): void {
  if (req.here) describe(name, body);
  else if (UNDER_CI)
    describe(name, () => {
      it(`needs ${req.what}`, () => {
        throw missing(req);
      });
    });
  else {
    console.warn(`skipped: ${name} (${req.what} is not here: ${req.setup})`);
    describe.skip(`${name} — skipped: ${req.what} is not here (${req.setup})`, body);
  }
}

/**
 * Inside a test, before the part that needs `req`: returns when it is here, throws under CI,
 * and otherwise ends the test as skipped with the reason (vitest's `skip` of the test context).
 */
export function need(req: Requirement, test: TestContext): void {
  if (req.here) return;
  if (UNDER_CI) throw missing(req);
  console.warn(`skipped the rest of "${test.task.name}": ${req.what} is not here (${req.setup})`);
  test.skip(`${req.what} is not here (${req.setup})`);
}

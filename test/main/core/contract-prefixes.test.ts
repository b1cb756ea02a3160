import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/api/index.js';

/**
 * A method's "domain:" prefix names the folder that serves it (src-main/<domain>/, its
 * handlers) and the contract file that declares it (src-shared/api/<domain>.ts), the
 * folder's kebab-case name in camelCase: sub-status → subStatus, csv-export → csvExport.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');

const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The method names a source file declares or handles: `  'domain:verb':` at the start of a line. */
function methodsIn(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^ {2}'([a-zA-Z]+:[a-zA-Z]+)':/gm)].map((m) => m[1]!);
}

function misplaced(files: { file: string; folder: string }[]): string[] {
  return files.flatMap(({ file, folder }) =>
    methodsIn(file)
      .filter((name) => name.split(':')[0] !== camel(folder))
      .map((name) => `${name} in ${path.relative(ROOT, file)}`),
  );
}

describe('contract method names', () => {
  it('name the src-main folder whose handlers serve them', () => {
    const main = path.join(ROOT, 'src-main');
    const handlerFiles = readdirSync(main, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(path.join(main, d.name))
          .filter((f) => f.endsWith('handlers.ts'))
          .map((f) => ({ file: path.join(main, d.name, f), folder: d.name })),
      );
    const served = handlerFiles.flatMap(({ file }) => methodsIn(file));
    expect(new Set(served)).toEqual(new Set(Object.keys(contract)));
    expect(misplaced(handlerFiles)).toEqual([]);
  });

  it('name the src-shared/api file that declares them', () => {
    const api = path.join(ROOT, 'src-shared/api');
    const specFiles = readdirSync(api)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ file: path.join(api, f), folder: f.slice(0, -3) }));
    expect(misplaced(specFiles)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The packaged binary's hardening lives in electron-builder.yml; loosening it fails here. */
const config = readFileSync('electron-builder.yml', 'utf8');

function block(name: string): string {
  const start = config.indexOf(`\n${name}:\n`);
  expect(start, `${name} block`).toBeGreaterThanOrEqual(0);
  const rest = config.slice(start + name.length + 3);
  return rest.slice(0, rest.search(/\n\S/));
}

describe('electron-builder.yml', () => {
  it('sets the fuses: no run-as-node, NODE_OPTIONS or inspect; asar only, with integrity', () => {
    const fuses = block('electronFuses');
    expect(fuses).toMatch(/^\s+runAsNode: false$/m);
    expect(fuses).toMatch(/^\s+enableNodeOptionsEnvironmentVariable: false$/m);
    expect(fuses).toMatch(/^\s+enableNodeCliInspectArguments: false$/m);
    expect(fuses).toMatch(/^\s+onlyLoadAppFromAsar: true$/m);
    expect(fuses).toMatch(/^\s+enableEmbeddedAsarIntegrityValidation: true$/m);
  });

  it('points at an app icon that exists and signs Windows builds without a certificate in the file', () => {
    const icon = /^icon: (\S+)$/m.exec(config)?.[1];
    expect(icon).toBeDefined();
    expect(
      readFileSync(icon ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(block('win')).toMatch(/signtoolOptions:/);
    expect(config).not.toMatch(/certificatePassword|certificateFile/);
  });
});

describe('electron-builder.yml publish', () => {
  it('has a generic publish entry, so app-update.yml (with publisherName) is written for the updater', () => {
    expect(block('publish')).toMatch(/^\s+provider: generic$/m);
  });
});

import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The house's walls (DESIGN.md §Conventions 1 and 8), enforced rather than remembered:
 *
 *   src-shared   pure TypeScript: imports only itself (and npm packages), no Node, no electron
 *   src-node     Node code both src-main and src-server need: src-shared only
 *   src-main     src-shared + src-node; never src-server; only src-main/electron imports electron
 *   src-server   src-shared + src-node; never src-main
 *   src-renderer src-shared only; no Node, no electron
 *
 * Import cycles (type-only imports included) are found by dependency-cruiser
 * (`.dependency-cruiser.cjs`, run by `npm run lint`).
 */
const FOLDERS = ['src-shared', 'src-node', 'src-main', 'src-server', 'src-renderer', 'test', 'scripts'];

/** Matches an import path that names the folder as a path segment ('../../src-main/x.js'). */
const folderRegex = (folder) => `(^|/)${folder}(/|$)`;

/** The `no-restricted-imports` + `no-restricted-syntax` (for `import()`) rules of one wall. */
function wall({ files, ignores = [], mayImport, node, electron }) {
  const banned = FOLDERS.filter((f) => !mayImport.includes(f));
  const patterns = banned.map((folder) => ({
    regex: folderRegex(folder),
    message: `${files[0].split('/')[0]} may import only ${mayImport.join(', ')} among the project's folders (DESIGN.md §8).`,
  }));
  const paths = [];
  if (!electron) {
    patterns.push({ regex: '^electron(/|$)', message: 'Only src-main/electron/** may import electron.' });
    patterns.push({ regex: '^electron-store$', message: 'electron-store loads electron: only src-main/electron/**.' });
  }
  if (!node) {
    patterns.push({ regex: '^node:', message: 'This folder runs outside Node: no Node modules.' });
    for (const name of builtinModules.filter((m) => !m.startsWith('_'))) {
      paths.push({ name, message: 'This folder runs outside Node: no Node modules.' });
    }
  }
  const dynamic = [...banned.map(folderRegex), ...(electron ? [] : ['^electron(/|$)'])];
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      'no-restricted-syntax': [
        'error',
        ...dynamic.map((regex) => ({
          selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
          message: 'This import() crosses a wall (DESIGN.md §8).',
        })),
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'drizzle/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  wall({ files: ['src-shared/**/*.ts'], mayImport: ['src-shared'], node: false, electron: false }),
  wall({ files: ['src-node/**/*.ts'], mayImport: ['src-shared', 'src-node'], node: true, electron: false }),
  wall({
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    mayImport: ['src-shared', 'src-node', 'src-main'],
    node: true,
    electron: false,
  }),
  wall({
    files: ['src-main/electron/**/*.ts'],
    mayImport: ['src-shared', 'src-node', 'src-main'],
    node: true,
    electron: true,
  }),
  wall({
    files: ['src-server/**/*.ts'],
    mayImport: ['src-shared', 'src-node', 'src-server'],
    node: true,
    electron: false,
  }),
  wall({
    files: ['src-renderer/**/*.{ts,tsx}'],
    mayImport: ['src-shared', 'src-renderer'],
    node: false,
    electron: false,
  }),
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/electron/** may import electron.' }] },
      ],
    },
  },
);

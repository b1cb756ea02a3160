import tseslint from 'typescript-eslint';

/** The house rules of DESIGN.md §Conventions 1, enforced rather than remembered. */
export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'drizzle/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'src-server/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/electron/** may import electron.' }] },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-shared is pure TypeScript.' }],
          patterns: [{ group: ['node:*'], message: 'src-shared must not import Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only through the contract.' }],
          patterns: [{ group: ['node:*', '**/src-main/**'], message: 'The renderer talks only through the contract.' }],
        },
      ],
    },
  },
);

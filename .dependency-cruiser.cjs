/**
 * Import cycles, found by dependency-cruiser over every source, test and script file
 * (`npm run lint`). Type-only imports count: `tsPreCompilationDeps` reads the TypeScript
 * before `import type` is erased, because a type in the wrong file is a concept in the
 * wrong place, whether or not it survives compilation. The walls between folders are
 * ESLint's (eslint.config.js).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: move the shared concept to a leaf both may import.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^(src-shared|src-node|src-main|src-server|src-renderer|test|scripts)/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};

import { startTestServer } from '../helpers/central-server.js';
import { describeCrash } from './crash-suite.js';

describeCrash('sync-pull', 'F6 first sync into an empty PC, page by page', {
  rounds: 4,
  env: async () => {
    const server = await startTestServer('pglite');
    return { server, close: () => server.close() };
  },
});

import { describeCrash } from './crash-suite.js';

describeCrash(
  'demo-seed-parallel',
  'npm run seed: 12,000 orders from the worker thread in batch files of 2,000, indexes and search deferred',
  { rounds: 3 },
);

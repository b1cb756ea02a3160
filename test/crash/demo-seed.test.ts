import { describeCrash } from './crash-suite.js';

describeCrash('demo-seed', 'demo seed of 20,000 orders in batches, indexes deferred', { rounds: 3 });

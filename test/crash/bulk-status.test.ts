import { describeCrash } from './crash-suite.js';

describeCrash('bulk-status', 'E11 bulk status change of 10,000 orders', { rounds: 5 });

import { describeCrash } from './crash-suite.js';

describeCrash('stock-check', 'F11 stock check of 10,000 orders (reservations and refusals)', { rounds: 5 });

import { describeCrash } from './crash-suite.js';

describeCrash('csv-import', 'F1 CSV import (preview, then one transaction)', { rounds: 4 });

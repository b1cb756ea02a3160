import { describeCrash } from './crash-suite.js';

describeCrash('stock-import', '在庫データ取込 of 30,000 lines (counts, new SKUs, ledger rows)', { rounds: 6 });

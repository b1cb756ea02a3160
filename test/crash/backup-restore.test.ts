import { describeCrash } from './crash-suite.js';

describeCrash('backup-restore', 'restore of a backup (copy aside, swap, reopen)', { rounds: 4 });

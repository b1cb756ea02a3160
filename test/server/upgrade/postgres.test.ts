import { describeNeeding, POSTGRES } from '../../helpers/requirements.js';
import { upgradeSuite } from './upgrade-suite.js';

describeNeeding(POSTGRES, 'upgrading a central server database of every earlier version (postgres)', () =>
  upgradeSuite('postgres'),
);

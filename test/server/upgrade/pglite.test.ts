import { describe } from 'vitest';
import { upgradeSuite } from './upgrade-suite.js';

describe('upgrading a central server database of every earlier version (pglite)', () => upgradeSuite('pglite'));

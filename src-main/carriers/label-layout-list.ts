import type { LabelFormat } from '../../src-shared/api/carriers.js';
import { CLICKPOST, YUPACK_PRINT } from './japanpost-layouts.js';
import { SAGAWA_EHIDEN2, YAMATO_B2, type LabelLayout } from './label-layouts.js';

/** Every label file E18 makes, by format. */
export const LABEL_LAYOUTS: Record<LabelFormat, LabelLayout> = {
  yamato_b2: YAMATO_B2,
  sagawa_ehiden2: SAGAWA_EHIDEN2,
  japanpost_clickpost: CLICKPOST,
  japanpost_yupackprint: YUPACK_PRINT,
};

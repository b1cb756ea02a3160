import { z } from 'zod';
import { method } from './define.js';
import { lineText } from './text.js';

/** This PC's identity: recorded in every history row (S2). */
export interface GeneralSettings {
  operator: string;
  pcId: string;
  storeId: string | null;
}

export const generalSettingsInput = z.object({
  operator: lineText().trim().min(1, '担当者名を入力してください。').max(40),
  pcId: lineText().trim().min(1, 'PC名を入力してください。').max(60),
  storeId: lineText().trim().min(1).max(40).nullable(),
});

/**
 * Settings are per domain: each domain has its own get/save pair (mail:settings..., and so on)
 * and its own section in the settings dialog. This file holds the general section.
 */
export const settingsApi = {
  'settings:general': method<GeneralSettings>()(z.object({})),
  'settings:saveGeneral': method<GeneralSettings>()(generalSettingsInput),
};

import type { ComponentType } from 'react';

/** One page of the settings dialog, added by its domain to SETTINGS_SECTIONS (sections.ts). */
export interface SettingsSection {
  id: string;
  label: string;
  Component: ComponentType;
}

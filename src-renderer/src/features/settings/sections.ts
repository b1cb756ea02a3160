import type { ComponentType } from 'react';
import { BackupSection } from '../backup/BackupSection.js';
import { mailSettingsSections } from '../mail/sections.js';
import { GeneralSection } from './GeneralSection.js';
import { FilesSettingsSection } from '../printing/FilesSettingsSection.js';
import { SyncSection } from '../sync/SyncSection.js';

/** One page of the settings dialog; each domain adds its own, one line each. */
export interface SettingsSection {
  id: string;
  label: string;
  Component: ComponentType;
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'general', label: '基本', Component: GeneralSection },
  { id: 'backup', label: 'バックアップ', Component: BackupSection },
  ...mailSettingsSections,
  { id: 'sync', label: '同期', Component: SyncSection },
  { id: 'files', label: '印刷・CSV', Component: FilesSettingsSection },
];

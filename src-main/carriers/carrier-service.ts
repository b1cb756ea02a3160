import type { LabelExportResult, LabelFormat, TrackingPreview, TrackingResult } from '../../src-shared/api/carriers.js';
import type { FileUpload } from '../../src-shared/api/files.js';
import type { AppSettings } from '../settings/settings.js';
import { labelCodes, type CarrierParts } from './carrier-parts.js';
import { exportLabels } from './label-export.js';
import { commitTracking, previewTracking } from './tracking-import.js';

type LabelCodes = AppSettings['shippingLabels'];

/**
 * 配送会社: the label CSV of the checked orders for the carrier's software (E18), its issued
 * data read back as 送り状番号 (preview, then 登録), and the codes the label files need.
 * Built once per open database with the parts it works with.
 */
export class CarrierService {
  constructor(private readonly parts: CarrierParts) {}

  exportLabels(input: {
    format: LabelFormat;
    orderIds: number[];
    shipDate: string;
    itemName: string;
  }): LabelExportResult {
    return exportLabels(this.parts, input);
  }

  previewTracking(file: FileUpload): TrackingPreview {
    return previewTracking(this.parts, file);
  }

  commitTracking(previewId: string): TrackingResult {
    return commitTracking(this.parts, previewId);
  }

  settings(): LabelCodes {
    return labelCodes(this.parts);
  }

  saveSettings(codes: LabelCodes): LabelCodes {
    this.parts.settings.set('shippingLabels', codes);
    return codes;
  }
}

import type { FileUpload } from '../../src-shared/api/files.js';
import type { ImportMapping, ImportNeedsMapping, ImportPreview, ImportResult } from '../../src-shared/api/imports.js';
import type { Channel } from '../../src-shared/domain/channels.js';
import type { ImportParts } from './import-parts.js';
import { commitImport, previewImport } from './import-service.js';
import { deleteMapping, listMappings, saveMapping } from './mappings.js';

/**
 * 注文取込 (F1): a channel's order files read and judged against the database (the preview),
 * then 取込 in one transaction; and the column mappings for files of other layouts.
 * Built once per open database with the parts it works with.
 */
export class OrderImportService {
  constructor(private readonly parts: ImportParts) {}

  preview(input: { files: FileUpload[]; channel: Channel; mappingId?: number }): ImportPreview | ImportNeedsMapping {
    return previewImport(this.parts, input);
  }

  commit(previewId: string): ImportResult {
    return commitImport(this.parts, previewId);
  }

  mappings(): ImportMapping[] {
    return listMappings(this.parts.sqlite);
  }

  saveMapping(input: Parameters<typeof saveMapping>[1]): ImportMapping {
    return saveMapping(this.parts.sqlite, input, this.parts.clock.now().toISOString());
  }

  deleteMapping(id: number): { deleted: boolean } {
    return { deleted: deleteMapping(this.parts.sqlite, id) };
  }
}

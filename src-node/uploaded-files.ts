import { Buffer } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../src-shared/api/errors.js';
import { FILE_TOO_LARGE_MESSAGE, UPLOAD_MAX_BYTES, type FileUpload } from '../src-shared/api/files.js';
import { readHeader } from '../src-shared/order-files/csv-read.js';
import { decodeText, type DecodedText } from '../src-shared/order-files/text-decode.js';

/** A file the user sent (F1, carrier data, the central CSV intake), as text. */
interface UploadedText extends DecodedText {
  name: string;
  /** How messages name the file: 「name」. */
  label: string;
}

let pathsAccepted = false;

/**
 * Lets uploads name a file by its path: only the desktop app's service host does, where the
 * path comes from the file the clerk chose in the window. Browser mode and the central
 * server take bytes only, so no caller over HTTP can make them read a file of their choice.
 */
export function acceptUploadPaths(): void {
  pathsAccepted = true;
}

function uploadBytes(file: FileUpload, label: string): Buffer {
  if (file.path === undefined) return Buffer.from(file.base64 ?? '', 'base64');
  if (!pathsAccepted || !path.isAbsolute(file.path)) {
    throw new UserError(`${label}を読み込めませんでした。もう一度ファイルを選んでください。`);
  }
  try {
    if (statSync(file.path).size > UPLOAD_MAX_BYTES) throw new UserError(FILE_TOO_LARGE_MESSAGE);
    return readFileSync(file.path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `${label}を読み込めませんでした。ファイルが開かれたままでないか、移動していないか確認してください。`,
    );
  }
}

/**
 * A file the user sent (its bytes as base64, or its path in the desktop app) decoded with
 * the encoding detected (decodeText), refusing a file that is not text with a Japanese
 * message naming it.
 */
export function decodeUpload(file: FileUpload): UploadedText {
  const label = `「${file.name}」`;
  return { name: file.name, label, ...decodeText(uploadBytes(file, label), label) };
}

/** An uploaded order file with its header row, from which its layout is detected. */
export interface UploadedOrderFile extends UploadedText {
  header: string[];
}

export function readOrderFileUpload(file: FileUpload): UploadedOrderFile {
  const decoded = decodeUpload(file);
  return { ...decoded, header: readHeader(decoded.text, decoded.label) };
}

import { Buffer } from 'node:buffer';
import type { FileUpload } from '../src-shared/api/files.js';
import { readHeader } from '../src-shared/order-files/csv-read.js';
import { decodeText, type DecodedText } from '../src-shared/order-files/text-decode.js';

/** A file the user sent (F1, carrier data, the central CSV intake), as text. */
export interface UploadedText extends DecodedText {
  name: string;
  /** How messages name the file: 「name」. */
  label: string;
}

/**
 * The contract carries a file's bytes as base64; this decodes them with the encoding
 * detected (decodeText), refusing a file that is not text with a Japanese message naming it.
 */
export function decodeUpload(file: FileUpload): UploadedText {
  const label = `「${file.name}」`;
  return { name: file.name, label, ...decodeText(Buffer.from(file.base64, 'base64'), label) };
}

/** An uploaded order file with its header row, from which its layout is detected. */
export interface UploadedOrderFile extends UploadedText {
  header: string[];
}

export function readOrderFileUpload(file: FileUpload): UploadedOrderFile {
  const decoded = decodeUpload(file);
  return { ...decoded, header: readHeader(decoded.text, decoded.label) };
}

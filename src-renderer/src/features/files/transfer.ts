import type { DownloadFile, FileUpload } from '../../../../src-shared/api/files.js';
import { chosenFilePath } from '../../api/client.js';

/**
 * Saves a file made by the main process: a download in browser mode, Electron's save
 * dialog in the desktop app (both come from the same anchor click).
 */
export function saveDownload(file: DownloadFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A chosen file for the contract (its path in the desktop app, else base64): parsing stays in the services. */
export function readUpload(file: File): Promise<FileUpload> {
  const filePath = chosenFilePath(file);
  if (filePath) return Promise.resolve({ name: file.name, path: filePath });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () =>
      reject(new Error(`「${file.name}」を読み込めませんでした。ファイルが開かれたままでないか確認してください。`));
    reader.readAsDataURL(file);
  });
}

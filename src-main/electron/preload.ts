import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

/**
 * The whole bridge: one generic invoke and one event stream (DESIGN 2). The renderer
 * never sees ipcRenderer itself. Bundled as CommonJS: sandboxed preloads cannot be ESM.
 */
contextBridge.exposeInMainWorld('chumon', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('chumon:invoke', method, input),
  onEvent: (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('chumon:event', wrapped);
    return () => ipcRenderer.removeListener('chumon:event', wrapped);
  },
  // A chosen file goes to the service host as its path, not as its bytes.
  pathOf: (file: File) => webUtils.getPathForFile(file),
});

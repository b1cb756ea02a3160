import { useEffect, useState } from 'react';
import type { ImportMapping } from '../../../../src-shared/api/imports.js';
import { invoke } from '../../api/client.js';

export type YahooChannel = 'yahoo_auction' | 'yahoo_shopping';

/**
 * F1's 販路 and file layout: the saved mappings, and the 販路 and layout chosen last time
 * (the layout only while its mapping is still there); a new choice is remembered for the next F1.
 */
export function useImportChoice(setError: (message: string) => void) {
  const [channel, setChannel] = useState<YahooChannel>('yahoo_auction');
  const [mappings, setMappings] = useState<ImportMapping[]>([]);
  const [mappingId, setMappingId] = useState<number | ''>('');

  useEffect(() => {
    Promise.all([invoke('imports:mappings', {}), invoke('ui:state', {})]).then(
      ([saved, ui]) => {
        setMappings(saved);
        const last = ui.lastImport;
        if (!last) return;
        setChannel(last.channel);
        if (saved.some((m) => m.id === last.mappingId)) setMappingId(last.mappingId ?? '');
      },
      (e: Error) => setError(e.message),
    );
  }, [setError]);

  /** Chooses the 販路 and the layout, remembered for the next F1. */
  const choose = (next: { channel: YahooChannel; mappingId: number | '' }) => {
    setChannel(next.channel);
    setMappingId(next.mappingId);
    invoke('ui:saveImport', {
      channel: next.channel,
      mappingId: next.mappingId === '' ? null : next.mappingId,
    }).catch((e: Error) => setError(e.message));
  };

  return { channel, mappings, setMappings, mappingId, choose };
}

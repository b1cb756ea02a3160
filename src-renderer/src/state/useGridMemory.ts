import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridColumn } from '../../../src-shared/api/ui.js';
import { invoke } from '../api/client.js';

/**
 * Column order, widths and sort per list key (a tab, or 'search'), kept in settings so they
 * survive a restart. `ready` turns true once the remembered state is in, so that a grid is
 * opened with it rather than rearranged after.
 */
export function useGridMemory(onError: (message: string) => void) {
  const [ready, setReady] = useState(false);
  const gridsRef = useRef<Record<string, GridColumn[]>>({});

  useEffect(() => {
    invoke('ui:state', {}).then(
      (state) => {
        gridsRef.current = state.grids;
        setReady(true);
      },
      (e: Error) => {
        setReady(true);
        onError(e.message);
      },
    );
  }, [onError]);

  const save = useCallback(
    (key: string, columns: GridColumn[]) => {
      gridsRef.current = { ...gridsRef.current, [key]: columns };
      invoke('ui:saveGrid', { key, columns }).catch((e: Error) => onError(e.message));
    },
    [onError],
  );

  return { ready, columnsOf: (key: string) => gridsRef.current[key], save };
}

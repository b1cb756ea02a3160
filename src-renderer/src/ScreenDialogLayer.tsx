import type { ReactNode } from 'react';
import { Dialog } from './components/Dialog.js';
import { ErrorBoundary, UnshowableNote } from './components/ErrorBoundary.js';
import { ScreenReact, type ScreenContext } from './screen/screen-context.js';

interface Props {
  screen: ScreenContext;
  dialog: ReactNode;
  onClose(): void;
}

/** The open dialog, given the screen; one that cannot be drawn at all still opens, says so and closes. */
export function ScreenDialogLayer({ screen, dialog, onClose }: Props) {
  return (
    <ScreenReact.Provider value={screen}>
      <ErrorBoundary
        resetKey={dialog}
        fallback={
          <Dialog title="表示できません" onClose={onClose}>
            <UnshowableNote />
          </Dialog>
        }
      >
        {dialog}
      </ErrorBoundary>
    </ScreenReact.Provider>
  );
}

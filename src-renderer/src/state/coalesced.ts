/**
 * `run`, called once `ms` after the first of any number of triggers in that time: events that
 * arrive together (a sync's orders and stock, a reconnected event stream's pair) are answered
 * by one read. `cancel` drops a pending run (the screen closed).
 */
export function coalesced(run: () => void, ms: number): { trigger: () => void; cancel: () => void } {
  let pending: ReturnType<typeof setTimeout> | null = null;
  return {
    trigger: () => {
      pending ??= setTimeout(() => {
        pending = null;
        run();
      }, ms);
    },
    cancel: () => {
      if (pending) clearTimeout(pending);
      pending = null;
    },
  };
}

import { CHANNEL_LABELS, type Channel } from '../../../src-shared/domain/channels.js';

/** A channel picker's options: one per channel, named as the manual names it. */
export function ChannelOptions({ channels }: { channels: readonly Channel[] }) {
  return (
    <>
      {channels.map((c) => (
        <option key={c} value={c}>
          {CHANNEL_LABELS[c]}
        </option>
      ))}
    </>
  );
}

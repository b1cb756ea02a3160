import path from 'node:path';
import { gridLatencyDuringImport, startNodeHost } from '../../helpers/service-host.js';
import type { BenchSection } from '../harness.js';

/**
 * The desktop app's service host (as a plain Node child: the Electron binary cannot run
 * here) on a copy of the large database: grid blocks of 100 rows of 新規 asked for on the
 * same link while a 50,000-order file is imported through it (preview + commit, the file
 * sent by path). Target: p99 < 50 ms.
 */
export const serviceHostSection: BenchSection = {
  name: 'service-host',
  async run(env) {
    // The host opens a warm copy of the large database, as the desktop app opens its own.
    const copy = env.openCopy('warm');
    copy.app.close();
    const host = await startNodeHost(path.dirname(copy.app.ctx.database.file));
    try {
      const figure = await gridLatencyDuringImport(host, 50_000);
      const note = `${figure.blocks} blocks during an import of ${(figure.importMs / 1000).toFixed(1)} s; idle: p50 ${figure.idleP50.toFixed(2)} ms, max ${figure.idleMax.toFixed(1)} ms`;
      return [
        { name: 'grid block during a 50,000-order import, p50', value: figure.p50, unit: 'ms', note },
        {
          name: 'grid block during a 50,000-order import, p99',
          value: figure.p99,
          unit: 'ms',
          target: { op: '<', value: 50 },
        },
        { name: 'grid block during a 50,000-order import, max', value: figure.max, unit: 'ms' },
      ];
    } finally {
      await host.client.close();
      copy.dispose();
    }
  },
};

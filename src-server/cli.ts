import path from 'node:path';
import { parseArgs } from 'node:util';
import { STARTED_LINE, startCentralServer } from './server.js';

/**
 * `npm run server -- --port N [--trusted-proxy ADDRESS ...]`: the central server. The first stdout line is
 * "Chumon server listening on <URL>" (tests and scripts read it), the last start-up line
 * STARTED_LINE. Data in CHUMON_SERVER_DATA_DIR (embedded PGlite), or PostgreSQL when DATABASE_URL is set;
 * channel credentials sealed with the key in CHUMON_SERVER_KEY_FILE (default: beside the PGlite folder).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'trusted-proxy': { type: 'string', multiple: true, default: [] },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`ポート番号が正しくありません: ${values.port}`);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = path.resolve(process.env.CHUMON_SERVER_DATA_DIR ?? 'chumon-server-data');
  const secretKeyFile = process.env.CHUMON_SERVER_KEY_FILE
    ? path.resolve(process.env.CHUMON_SERVER_KEY_FILE)
    : undefined;
  // Behind a reverse proxy: its address (--trusted-proxy, or CHUMON_TRUSTED_PROXIES comma-separated).
  const trustedProxies = [
    ...values['trusted-proxy'],
    ...(process.env.CHUMON_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()),
  ].filter(Boolean);
  const uploadsDir = process.env.CHUMON_SERVER_UPLOADS_DIR
    ? path.resolve(process.env.CHUMON_SERVER_UPLOADS_DIR)
    : undefined;
  const server = await startCentralServer({
    port,
    host: values.host,
    dataDir,
    databaseUrl,
    secretKeyFile,
    trustedProxies,
    uploadsDir,
  });
  console.log(`Chumon server listening on ${server.url}`);
  console.log(databaseUrl ? 'データベース: PostgreSQL（DATABASE_URL）' : `データフォルダ: ${dataDir}`);
  if (server.adminToken) {
    console.log(`管理者トークン（この一度だけ表示します。安全な場所に保管してください）: ${server.adminToken}`);
  }
  if (server.firstAccount) {
    console.log(
      `本部コンソール ${server.url}/console/ の最初のアカウント（この一度だけ表示します。サインイン後にパスワードを変えてください）: ID ${server.firstAccount.login} / パスワード ${server.firstAccount.password}`,
    );
  }
  console.log(STARTED_LINE);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import { defineConfig } from 'drizzle-kit';

/** The central server's PostgreSQL schema; migrations go into drizzle-server/. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-server/db/schema/index.ts',
  out: './drizzle-server',
});

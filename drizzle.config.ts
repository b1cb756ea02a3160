import { defineConfig } from 'drizzle-kit';

/** The store PC's SQLite schema; `npm run db:generate` writes migrations into drizzle/. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/db/schema/index.ts',
  out: './drizzle',
});

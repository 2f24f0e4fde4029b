import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` (from packages/db) writes a migration after a schema change.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/postgres/schema.ts',
  out: './drizzle',
});

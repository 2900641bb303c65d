// drizzle-kit reads this to generate migrations from schema.ts:
//   npx drizzle-kit generate --config src/server/db/drizzle.config.ts   (npm run db:generate)
// Paths are relative to the repository root, where npm scripts run.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});

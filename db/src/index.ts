// Public surface of the database package: config, the two-driver client, migrations, schema.
export { dbEnvSchema, dbConfigFromEnv, parseEnv, type DbEnv, type DbConfig } from './config.ts';
export { openDatabase, dumpPglite, type Db, type Queryable, type Driver, type Row } from './client.ts';
export { migrate, listMigrations, databaseInfo, MigrationError, type DatabaseInfo } from './migrate.ts';
export * as schema from './schema.ts';
export type { VenueCategory, RiskLevel, HazardStatus, AcceptanceParty, UserRole, PatrolResult } from './schema.ts';
export { sql, type SQL } from 'drizzle-orm';

// Public surface of the database package: config, the two-driver client, migrations, the
// drizzle mirror of the tables (for the drift test and typed references; enums come from @svm/contract).
export { dbEnvSchema, dbConfigFromEnv, parseEnv, type DbEnv, type DbConfig } from './config.ts';
export { openDatabase, dumpPglite, type Db, type Queryable, type Driver, type Row } from './client.ts';
export { DatabaseInUseError } from './folder-lock.ts';
export { migrate, listMigrations, databaseInfo, MigrationError, type DatabaseInfo } from './migrate.ts';
export * as schema from './schema.ts';
export { sql, type SQL } from 'drizzle-orm';

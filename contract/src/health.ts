// GET /api/health: what the dashboard runs on and how fresh its data is.
export interface HealthDto {
  status: 'ok';
  driver: 'pglite' | 'pg';
  /** PostgreSQL server version */
  postgres: string;
  /** PostGIS library version */
  postgis: string;
  /** ISO time of the latest recorded patrol, null when there are none */
  latestPatrolAt: string | null;
}

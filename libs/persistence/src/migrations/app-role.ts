import type { QueryRunner } from 'typeorm';

/** The session setting through which the migrations learn the configured application role. */
export const APP_ROLE_SETTING = 'onewindow.app_role';

/**
 * The role application connections run as (DATABASE_APP_ROLE), which the migrations provision and
 * grant to; undefined when none is configured, and then they leave roles alone.
 */
export async function appRole(db: QueryRunner): Promise<string | undefined> {
  const [{ role }] = (await db.query(`SELECT current_setting('${APP_ROLE_SETTING}', true) AS role`)) as {
    role: string | null;
  }[];
  return role || undefined;
}

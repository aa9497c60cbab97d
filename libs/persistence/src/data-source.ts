import { DataSource, DataSourceOptions } from 'typeorm';
import { OpenTaskEntity } from './entities/open-task.entity';
import { RequestEntity } from './entities/request.entity';
import { TransitionEntity } from './entities/transition.entity';
import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';

export const ENTITIES = [RequestEntity, TransitionEntity, OpenTaskEntity];
export const MIGRATIONS = [InitialSchema1764115200000];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    applicationName: 'onewindow',
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

/** Applies every pending migration; returns the names of those it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const db = await createDataSource(url).initialize();
  try {
    const ran = await db.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await db.destroy();
  }
}

// Entry for the TypeORM CLI (`npm run migration:*`): the database comes from the validated config.
import { loadConfig } from '@onewindow/config';
import { createDataSource } from './data-source';

const config = loadConfig();
export default createDataSource(config.databaseUrl, { migrationAppRole: config.DATABASE_APP_ROLE });

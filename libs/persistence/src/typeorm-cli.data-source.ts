// Entry for the TypeORM CLI (`npm run migration:*`): the database comes from the validated config.
import { loadConfig } from '@onewindow/config';
import { createDataSource } from './data-source';

export default createDataSource(loadConfig().databaseUrl);

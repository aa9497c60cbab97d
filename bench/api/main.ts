// Entry of the API process under benchmark: the real AppModule with the bench's additions.
import 'reflect-metadata';
import { AppConfig } from '@onewindow/config';
import { Test } from '@nestjs/testing';
import { configureApp } from '../../apps/api/src/configure-app';
import { DefinitionCatalogService } from '../../apps/api/src/definitions/definition-catalog.service';
import { BenchApiModule } from './bench-api.module';
import { BenchDefinitionCatalog } from './bench-catalog';

async function bootstrap(): Promise<void> {
  const module = await Test.createTestingModule({ imports: [BenchApiModule] })
    .overrideProvider(DefinitionCatalogService)
    .useClass(BenchDefinitionCatalog)
    .compile();
  const app = module.createNestApplication({ bodyParser: false, logger: ['error', 'warn'] });
  configureApp(app);
  await app.listen(app.get(AppConfig).API_PORT, '127.0.0.1');
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Entry of the API process under benchmark: apps/api's bootstrap, with the bench's constant endpoint added.
// BENCH_HTTP_ADAPTER=fastify serves it on Nest's Fastify adapter instead of Express, for comparison.
import 'reflect-metadata';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { serve } from '../../apps/api/src/serve';
import { BODY_LIMIT_BYTES } from '../../apps/api/src/configure-app';
import { BenchApiModule } from './bench-api.module';

serve(
  BenchApiModule,
  process.env.BENCH_HTTP_ADAPTER === 'fastify' ? new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }) : undefined,
);

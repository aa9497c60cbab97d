// Entry of the API process under benchmark: apps/api's bootstrap, with the bench's constant endpoint added.
import 'reflect-metadata';
import { serve } from '../../apps/api/src/serve';
import { BenchApiModule } from './bench-api.module';

serve(BenchApiModule);

import { Module } from '@nestjs/common';
import { AppModule } from '../../apps/api/src/app.module';
import { ConstantController } from './constant.controller';

/** The whole API, plus the constant endpoint the read benchmark compares the status page with. */
@Module({ imports: [AppModule], controllers: [ConstantController] })
export class BenchApiModule {}

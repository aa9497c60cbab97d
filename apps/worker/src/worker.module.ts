import { ConfigModule } from '@onewindow/config';
import { PersistenceModule } from '@onewindow/persistence';
import { Module } from '@nestjs/common';
import { WorkerService } from './worker.service';

@Module({
  imports: [ConfigModule, PersistenceModule],
  providers: [WorkerService],
})
export class WorkerModule {}

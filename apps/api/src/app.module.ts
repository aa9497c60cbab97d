import { ConfigModule } from '@onewindow/config';
import { PersistenceModule } from '@onewindow/persistence';
import { TemporalClientModule } from '@onewindow/temporal';
import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { RequestsModule } from './requests/requests.module';

@Module({
  imports: [ConfigModule, PersistenceModule, TemporalClientModule, AuthModule, RequestsModule, HealthModule],
})
export class AppModule {}

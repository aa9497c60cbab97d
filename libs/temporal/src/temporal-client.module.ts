import { AppConfig } from '@onewindow/config';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { correlationClientInterceptor } from './correlation.interceptors';

@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [AppConfig],
      // Lazy: the API starts, and answers 503, while Temporal is still away; it connects on first use.
      useFactory: (config: AppConfig) => Connection.lazy(config.temporalConnection),
    },
    {
      provide: Client,
      inject: [Connection, AppConfig],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({
          connection,
          namespace: config.TEMPORAL_NAMESPACE,
          interceptors: { workflow: [correlationClientInterceptor] },
        }),
    },
  ],
  exports: [Client],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

export * from './data-source';
export * from './hash-chain';
export * from './persistence.module';
export * from './entities/open-task.entity';
export * from './entities/request.entity';
export * from './entities/transition.entity';
export * from './repositories/request.repository';
export * from './repositories/transition-log.repository';

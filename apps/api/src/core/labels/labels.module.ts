import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LabelsInterceptor } from './labels.interceptor';

@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: LabelsInterceptor }] })
export class LabelsModule {}

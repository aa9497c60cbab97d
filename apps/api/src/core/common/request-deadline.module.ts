import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RequestDeadlineInterceptor } from './request-deadline.interceptor';

@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: RequestDeadlineInterceptor }] })
export class RequestDeadlineModule {}

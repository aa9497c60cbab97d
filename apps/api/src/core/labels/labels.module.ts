import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LabelsInterceptor } from './labels.interceptor';
import { ReaderLanguage } from './reader-language.service';

@Module({ providers: [ReaderLanguage, { provide: APP_INTERCEPTOR, useClass: LabelsInterceptor }] })
export class LabelsModule {}

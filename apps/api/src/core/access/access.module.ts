import { Global, Module } from '@nestjs/common';
import { DenialRecorder } from './denial-recorder';

@Global()
@Module({ providers: [DenialRecorder], exports: [DenialRecorder] })
export class AccessModule {}

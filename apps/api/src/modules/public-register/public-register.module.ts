import { Module } from '@nestjs/common';
import { PublicRegisterController } from './public-register.controller';
import { PublicRegisterService } from './public-register.service';

@Module({ controllers: [PublicRegisterController], providers: [PublicRegisterService] })
export class PublicRegisterModule {}

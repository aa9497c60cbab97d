import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { StaffDirectory } from './staff-directory.service';
import { TokenService } from './token.service';

@Global()
@Module({
  controllers: [AuthController],
  // Guards run in this order: the caller is known before their own rate is checked (each client
  // address is limited earlier, before authentication, by the address limiter).
  providers: [
    TokenService,
    StaffDirectory,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [TokenService, StaffDirectory],
})
export class AuthModule {}

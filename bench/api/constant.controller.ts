import { Controller, Get } from '@nestjs/common';
import { Roles } from '../../apps/api/src/core/auth/auth.decorators';

const CONSTANT = Object.freeze({ status: 'in_progress', currentSteps: [] });

/**
 * The read baseline: behind the same global auth guard and middleware as the status page, no work at
 * all. It names the status page's roles: authorization fails closed, and a route naming none answers
 * 403 through the exception filter, which would be measured instead of the constant.
 */
@Controller('bench')
export class ConstantController {
  @Get('constant')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  constant(): typeof CONSTANT {
    return CONSTANT;
  }
}

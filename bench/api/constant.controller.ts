import { Controller, Get } from '@nestjs/common';

const CONSTANT = Object.freeze({ status: 'in_progress', currentSteps: [] });

/** The read baseline: behind the same global auth guard and middleware as the status page, no work at all. */
@Controller('bench')
export class ConstantController {
  @Get('constant')
  constant(): typeof CONSTANT {
    return CONSTANT;
  }
}

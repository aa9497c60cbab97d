import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/** PostgreSQL's int: the widest number a path parameter may carry to the database. */
export const MAX_INT32 = 2_147_483_647;

/** An integer path parameter within [min, max]; anything else is a 400 naming it, never a lookup. */
@Injectable()
export class IntParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly min = 1,
    private readonly max = MAX_INT32,
  ) {}

  transform(value: string): number {
    const parsed = /^[0-9]{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(parsed) || parsed < this.min || parsed > this.max) {
      throw new ApiError(
        ApiErrorCode.VALIDATION_FAILED,
        `${this.name} must be an integer from ${this.min} to ${this.max}`,
      );
    }
    return parsed;
  }
}

export const VersionParamPipe = new IntParamPipe('version');

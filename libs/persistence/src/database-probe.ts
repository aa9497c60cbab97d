import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether PostgreSQL answers a trivial query within a time: what a readiness probe asks. */
@Injectable()
export class DatabaseProbe {
  constructor(private readonly db: DataSource) {}

  async answers(withinMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
    try {
      return await Promise.race([this.db.query('SELECT 1').then(() => true), late]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}

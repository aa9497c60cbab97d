import type { CaseState } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../entities/request.entity';
import { TransitionEntity } from '../entities/transition.entity';
import { newRequestRow, RequestIdentity } from './transition-log.repository';

@Injectable()
export class RequestRepository {
  constructor(private readonly db: DataSource) {}

  /** Makes a just-started request visible at once, in its initial state; the workflow's recordings follow. */
  async insertSubmitted(request: RequestIdentity, initial: CaseState, workflowId: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(RequestEntity)
      .values(newRequestRow(request, initial, workflowId))
      .orIgnore()
      .execute();
  }

  findById(id: string): Promise<RequestEntity | null> {
    return this.db.getRepository(RequestEntity).findOneBy({ id });
  }

  findByApplicant(applicantId: string, limit = 100): Promise<RequestEntity[]> {
    return this.db.getRepository(RequestEntity).find({
      where: { applicantId },
      order: { submittedAt: 'DESC' },
      take: limit,
    });
  }

  timeline(requestId: string): Promise<TransitionEntity[]> {
    return this.db.getRepository(TransitionEntity).find({ where: { requestId }, order: { seq: 'ASC' } });
  }
}

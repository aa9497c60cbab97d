import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ProjectEntity } from '../entities/project.entity';
import { RequestEntity } from '../entities/request.entity';

/** Projects and the read-model rows of their requests. */
@Injectable()
export class ProjectRepository {
  constructor(private readonly db: DataSource) {}

  async insert(project: ProjectEntity): Promise<void> {
    await this.db.getRepository(ProjectEntity).insert(project);
  }

  findById(id: string): Promise<ProjectEntity | null> {
    return this.db.getRepository(ProjectEntity).findOne({ where: { id } });
  }

  /** An applicant's own projects, or all for staff; newest first. */
  list(applicantId: string | undefined, limit: number, offset: number): Promise<[ProjectEntity[], number]> {
    return this.db.getRepository(ProjectEntity).findAndCount({
      where: applicantId === undefined ? {} : { applicantId },
      order: { submittedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** The rows of the project's requests that have started. */
  requests(ids: string[]): Promise<RequestEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.getRepository(RequestEntity).find({ where: { id: In(ids) } });
  }
}

import type { ProcessDefinition, WorkingCalendar } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublishedCalendarEntity, PublishedDefinitionEntity } from '../entities/published-definition.entity';

/** Published definitions and calendars; rows are only ever added. */
@Injectable()
export class DefinitionRepository {
  constructor(private readonly db: DataSource) {}

  /** Adds a version unless that key and version exist; returns whether it was added. */
  async publish(definition: ProcessDefinition, publishedBy: string): Promise<boolean> {
    const added = await this.db.query<unknown[]>(
      `INSERT INTO process_definitions (key, version, definition, published_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [definition.key, definition.version, definition, publishedBy],
    );
    return added.length > 0;
  }

  all(): Promise<PublishedDefinitionEntity[]> {
    return this.db.getRepository(PublishedDefinitionEntity).find({ order: { key: 'ASC', version: 'ASC' } });
  }

  versions(key: string): Promise<PublishedDefinitionEntity[]> {
    return this.db.getRepository(PublishedDefinitionEntity).find({ where: { key }, order: { version: 'ASC' } });
  }

  find(key: string, version: number): Promise<PublishedDefinitionEntity | null> {
    return this.db.getRepository(PublishedDefinitionEntity).findOneBy({ key, version });
  }

  latest(key: string): Promise<PublishedDefinitionEntity | null> {
    return this.db.getRepository(PublishedDefinitionEntity).findOne({ where: { key }, order: { version: 'DESC' } });
  }

  /**
   * Adds a calendar revision after the latest one and returns it; with `onlyIfAbsent`, only when the
   * calendar has no revision yet (null otherwise), so concurrent starts seed it once.
   */
  async publishCalendar(calendar: WorkingCalendar, publishedBy: string, onlyIfAbsent = false): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      // Serialise revisions of one calendar so two publishers cannot take the same number.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar:${calendar.id}`]);
      const latest = await tx
        .getRepository(PublishedCalendarEntity)
        .findOne({ where: { id: calendar.id }, order: { revision: 'DESC' } });
      if (latest && onlyIfAbsent) return null;
      const revision = (latest?.revision ?? 0) + 1;
      await tx.getRepository(PublishedCalendarEntity).insert({ id: calendar.id, revision, calendar, publishedBy });
      return revision;
    });
  }

  latestCalendar(id: string): Promise<PublishedCalendarEntity | null> {
    return this.db.getRepository(PublishedCalendarEntity).findOne({ where: { id }, order: { revision: 'DESC' } });
  }

  /** The latest revision of every calendar. */
  async calendars(): Promise<PublishedCalendarEntity[]> {
    return this.db
      .getRepository(PublishedCalendarEntity)
      .createQueryBuilder('c')
      .distinctOn(['c.id'])
      .orderBy('c.id')
      .addOrderBy('c.revision', 'DESC')
      .getMany();
  }
}

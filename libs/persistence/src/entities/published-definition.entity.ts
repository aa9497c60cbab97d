import type { ProcessDefinition, WorkingCalendar } from '@onewindow/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'process_definitions' })
export class PublishedDefinitionEntity {
  @PrimaryColumn('text')
  key!: string;

  @PrimaryColumn('int')
  version!: number;

  @Column('jsonb')
  definition!: ProcessDefinition;

  @Column('text', { name: 'published_by' })
  publishedBy!: string;

  @Column('timestamptz', { name: 'published_at', default: () => 'now()' })
  publishedAt!: Date;
}

@Entity({ name: 'calendars' })
export class PublishedCalendarEntity {
  @PrimaryColumn('text')
  id!: string;

  @PrimaryColumn('int')
  revision!: number;

  @Column('jsonb')
  calendar!: WorkingCalendar;

  @Column('text', { name: 'published_by' })
  publishedBy!: string;

  @Column('timestamptz', { name: 'published_at', default: () => 'now()' })
  publishedAt!: Date;
}

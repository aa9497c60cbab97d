import { zoneOf, type LocalizedText } from '@onewindow/domain';
import {
  canonicalJson,
  DefinitionRepository,
  PublicRegisterRepository,
  type PublishedApplicationRow,
} from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { RegisterQuery } from './public-register.dto';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import {
  jurisdictionOf,
  PublishedApplicationView,
  RegisterPageView,
  toDetailView,
  toSummaryView,
} from './public-register.views';

/** The public register: reads only the published read model, so nothing unpublished can leak through it. */
@Injectable()
export class PublicRegisterService {
  constructor(
    private readonly register: PublicRegisterRepository,
    private readonly definitions: DefinitionRepository,
    private readonly catalog: DefinitionCatalogService,
  ) {}

  async list(query: RegisterQuery): Promise<RegisterPageView> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const { total, items } = await this.register.list({
      q: query.q?.trim() || undefined,
      status: query.status,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit,
      offset,
    });
    const zones = await Promise.all(items.map((row) => this.timeZone(row)));
    return { total, limit, offset, items: items.map((row, i) => toSummaryView(row, zones[i])) };
  }

  async detail(reference: string): Promise<PublishedApplicationView> {
    const row = reference.length <= 100 ? await this.register.byReference(reference) : undefined;
    // Unknown, never published or not yet public alike: nothing tells a caller that a case exists.
    if (!row)
      throw new ApiError(ApiErrorCode.NOT_FOUND, 'No application with this reference is on the public register');
    return toDetailView(row, await this.timeZone(row), canonicalJson(row.document), await this.attributeLabels(row));
  }

  /** The zone of the case's jurisdiction, in which its days are counted and its moments read. */
  async timeZone(row: PublishedApplicationRow): Promise<string> {
    return zoneOf(await this.catalog.calendar(jurisdictionOf(row)));
  }

  /** The labels of the published attributes, from the definition version the case was published under. */
  private async attributeLabels(row: { document: Record<string, unknown> }): Promise<Record<string, LocalizedText>> {
    const { key, version } = (row.document.metadata as { definition: { key: string; version: number } }).definition;
    const properties = (await this.definitions.find(key, version))?.definition.attributesSchema?.properties ?? {};
    return Object.fromEntries(
      Object.entries(properties).flatMap(([name, p]) => (p.title && !p.personal ? [[name, p.title]] : [])),
    );
  }
}

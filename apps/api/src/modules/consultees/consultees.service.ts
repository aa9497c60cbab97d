import { AppConfig } from '@onewindow/config';
import { type Actor, type CaseState, type Consultation, consulteeActorId } from '@onewindow/domain';
import { type ConsulteeLinks, consulteeLinksFor, type ConsulteeLinkClaims } from '@onewindow/notifications';
import {
  ConsulteeRepository,
  PublicRegisterRepository,
  RequestRepository,
  type ConsulteeOrganisationRow,
  type RequestEntity,
} from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { plainText } from '../../core/common/plain-text';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { CaseActionsService } from '../requests/case-actions.service';
import { ConsultationResponseDto, NewOrganisationDto, OrganisationDto } from './consultees.dto';
import { ConsultationView, ConsulteeInvitationView, OrganisationView, toOrganisationView } from './consultees.views';

/** What a link that opens proves: the case and the body's consultation on it, as the record holds them now. */
interface LinkHolder {
  claims: ConsulteeLinkClaims;
  row: RequestEntity;
  consultation: Consultation;
  organisation: ConsulteeOrganisationRow;
}

/**
 * Consultees: the directory of bodies a definition may consult, the officer's view and handling of each body's
 * consultation on a case (re-send, revoke), and the body's own answer through its link, recorded on the case chain.
 */
@Injectable()
export class ConsulteesService {
  private readonly links: ConsulteeLinks;

  constructor(
    private readonly consultees: ConsulteeRepository,
    private readonly requests: RequestRepository,
    private readonly register: PublicRegisterRepository,
    private readonly actions: CaseActionsService,
    private readonly catalog: DefinitionCatalogService,
    config: AppConfig,
  ) {
    this.links = consulteeLinksFor(config);
  }

  async directory(): Promise<OrganisationView[]> {
    return (await this.consultees.list()).map(toOrganisationView);
  }

  async addOrganisation(actor: Actor, dto: NewOrganisationDto): Promise<OrganisationView> {
    const row = await this.consultees.create(dto.key, fields(dto), actor.id);
    if (!row) throw new ApiError(ApiErrorCode.CONFLICT, `The directory already has an organisation '${dto.key}'`);
    return toOrganisationView(row);
  }

  async updateOrganisation(actor: Actor, key: string, dto: OrganisationDto): Promise<OrganisationView> {
    const row = await this.consultees.update(key, fields(dto), actor.id);
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, `No organisation '${key}' in the consultee directory`);
    return toOrganisationView(row);
  }

  async forCase(requestId: string): Promise<ConsultationView[]> {
    const row = await this.requests.findById(requestId);
    const consultations = (row?.state as CaseState | undefined)?.consultations ?? [];
    if (consultations.length === 0) return [];
    const [directory, responses] = await Promise.all([this.consultees.list(), this.consultees.responses(requestId)]);
    const byKey = new Map(directory.map((o) => [o.key, o]));
    return consultations.map((c) => {
      const body = byKey.get(c.organisation);
      const response = responses.get(c.organisation);
      return {
        organisation: c.organisation,
        name: body ? { en: body.nameEn, 'zh-CN': body.nameZh } : c.organisation,
        email: body?.email ?? '',
        status: c.status === 'answered' && c.late ? 'late' : c.status,
        invitedAt: c.invitedAt,
        dueAt: c.dueAt,
        links: c.link,
        respondedAt: c.respondedAt ?? null,
        position: c.position ?? null,
        text: response?.text ?? null,
        conditions: response?.conditions ?? [],
        seq: response?.seq ?? null,
      };
    });
  }

  async resend(
    target: { actor: Actor; requestId: string; idempotencyKey?: string },
    organisation: string,
  ): Promise<ConsultationView[]> {
    await this.actions.act(target, { type: 'resend-consultation', organisation });
    return this.forCase(target.requestId);
  }

  async revoke(
    target: { actor: Actor; requestId: string; idempotencyKey?: string },
    organisation: string,
    reason: string,
  ): Promise<ConsultationView[]> {
    await this.actions.act(target, { type: 'revoke-consultation', organisation, reason });
    return this.forCase(target.requestId);
  }

  async invitation(token: string): Promise<ConsulteeInvitationView> {
    return this.view(await this.holder(token, { answered: 'show' }));
  }

  /** The body's answer: a transition on the case chain; after the due date it is accepted and marked late. */
  async respond(token: string, dto: ConsultationResponseDto): Promise<ConsulteeInvitationView> {
    const holder = await this.holder(token, { answered: 'refuse' });
    const { organisation, link } = holder.claims;
    const text = plainText(dto.text);
    if (!text && dto.position !== 'no-objection') {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'text must say why for comments and objections', {
        field: 'text',
      });
    }
    const conditions = (dto.conditions ?? []).map(plainText).filter((c) => c.length > 0);
    const actor: Actor = { id: consulteeActorId(organisation), role: 'system', name: holder.organisation.nameEn };
    await this.actions.actWithCapability(actor, holder.row, {
      type: 'respond-consultation',
      organisation,
      link,
      position: dto.position,
      text,
      conditions,
    });
    return this.view(await this.holder(token, { answered: 'show' }));
  }

  /**
   * The link's case and consultation, or the reason it opens nothing: not made by this deployment (or altered),
   * past its time, revoked, or replaced by a newer link. A link names its case, so it answers for that case only.
   */
  private async holder(token: string, options: { answered: 'show' | 'refuse' }): Promise<LinkHolder> {
    const check = this.links.verify(token);
    if (!check.ok && check.reason === 'expired') {
      throw refused('expired', 'This consultation link has expired; ask the planning authority for a new one');
    }
    const invalid = () => refused('invalid', 'This consultation link is not valid', ApiErrorCode.NOT_FOUND);
    if (!check.ok) throw invalid();
    const { claims } = check;
    const row = await this.requests.findById(claims.requestId);
    const consultation = (row?.state as CaseState | undefined)?.consultations?.find(
      (c) => c.organisation === claims.organisation,
    );
    const organisation = await this.consultees.find(claims.organisation);
    if (!row || !consultation || !organisation || claims.link > consultation.link) throw invalid();
    if (claims.link < consultation.link) {
      throw refused('replaced', 'A newer link was sent for this consultation; use the link in the latest message');
    }
    if (consultation.status === 'revoked') {
      throw refused('revoked', 'The planning authority has withdrawn this consultation link');
    }
    if (consultation.status === 'answered' && options.answered === 'refuse') {
      throw new ApiError(ApiErrorCode.CONFLICT, 'Your organisation has already responded on this application');
    }
    return { claims, row, consultation, organisation };
  }

  private async view({ row, consultation, organisation }: LinkHolder): Promise<ConsulteeInvitationView> {
    const published = await this.register.byRequestId(row.id);
    const calendar = await this.catalog.calendar(row.jurisdiction);
    return {
      organisation: { en: organisation.nameEn, 'zh-CN': organisation.nameZh },
      title: row.title,
      // Only what the register already shows of the case: a consultee sees no more of it than the public does.
      reference: published?.reference ?? null,
      siteAddress: published?.siteAddress ?? null,
      dueAt: consultation.dueAt,
      timeZone: calendar.timeZone ?? 'UTC',
      status: consultation.status === 'answered' ? 'answered' : 'invited',
      respondedAt: consultation.respondedAt ?? null,
      late:
        consultation.status === 'answered' ? consultation.late === true : Date.now() > Date.parse(consultation.dueAt),
    };
  }
}

function fields(dto: OrganisationDto) {
  return { nameEn: dto.nameEn.trim(), nameZh: dto.nameZh.trim(), email: dto.email.trim() };
}

/** A link that opens nothing: the reason in `details.reason`, for the page to explain. */
function refused(reason: string, message: string, code: ApiErrorCode = ApiErrorCode.FORBIDDEN): ApiError {
  return new ApiError(code, message, { reason });
}

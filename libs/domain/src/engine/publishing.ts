import { SYSTEM_ACTOR } from '../actor';
import type { AttributeValue, ProcessDefinition } from '../definition/process-definition.types';
import type { LocalizedText } from '../text/localized-text';
import { Refusal } from '../domain-error';
import { roleRefusal } from './authorization';
import type { PublishCommentEvent } from './case-event.types';
import type { CaseView, Reduction } from './reduction';

/** The transition that puts a case on the public register. */
export const CASE_PUBLISHED = 'case.published';

/** One thing withheld from a published copy: which field (or text range of it), by whom, and why. */
export interface Redaction {
  field: string;
  /** A text range [start, end) of the field's text, when only part of it is withheld. */
  range?: [number, number];
  by: string;
  reason: string;
}

/**
 * What a `case.published` transition carries from the reducer: the public facts of the case and what was
 * withheld. The recording adds the description, the source entry's hash and the SHA-256 of the published copy.
 */
export interface PublicationFacts {
  reference: string;
  definitionKey: string;
  definitionVersion: number;
  /** The process's name, as the register shows it. */
  definitionTitle: LocalizedText;
  receivedAt: string;
  publishedFrom: { step: string; outcome: string };
  /** The step during which the public may comment, if the definition takes comments. */
  commentsDuring?: string;
  attributes: Record<string, AttributeValue>;
  redactions: Redaction[];
}

/**
 * The definition's publication point is reached: the case goes on the public register once, with only the
 * attributes the definition lists and never a personal one. The applicant's identity is always withheld.
 */
export function publishAtDeclaredPoint(r: Reduction, stepId: string, outcome: string): void {
  const publication = r.ctx.definition.publication;
  if (!publication || r.state.publishedAt !== undefined || publication.from.step !== stepId) return;
  if (publication.from.outcomes && !publication.from.outcomes.includes(outcome)) return;
  r.state.publishedAt = r.at;
  const facts: PublicationFacts = {
    reference: r.state.requestId,
    definitionKey: r.ctx.definition.key,
    definitionVersion: r.ctx.definition.version,
    definitionTitle: r.ctx.definition.title,
    receivedAt: r.state.submittedAt,
    publishedFrom: { step: stepId, outcome },
    ...(publication.comments ? { commentsDuring: publication.comments.during } : {}),
    ...publicAttributes(r.ctx.definition, r.state.attributes),
  };
  r.emit({
    stepId: null,
    event: CASE_PUBLISHED,
    fromState: 'unpublished',
    toState: 'published',
    actor: SYSTEM_ACTOR,
    data: { ...facts },
  });
}

/** The attributes a definition publishes, and a redaction for every one it withholds. */
export function publicAttributes(
  definition: ProcessDefinition,
  attributes: Record<string, AttributeValue>,
): Pick<PublicationFacts, 'attributes' | 'redactions'> {
  const listed = new Set(definition.publication?.attributes ?? []);
  const properties = definition.attributesSchema?.properties ?? {};
  const published: Record<string, AttributeValue> = {};
  const redactions: Redaction[] = [
    { field: 'applicant', by: SYSTEM_ACTOR.id, reason: 'personal data: the applicant is never published' },
  ];
  for (const key of Object.keys(attributes).sort()) {
    if (properties[key]?.personal === true) {
      redactions.push({
        field: `attributes.${key}`,
        by: SYSTEM_ACTOR.id,
        reason: 'personal data (the definition marks it personal)',
      });
    } else if (listed.has(key)) published[key] = attributes[key];
    else
      redactions.push({
        field: `attributes.${key}`,
        by: SYSTEM_ACTOR.id,
        reason: 'not listed for publication by the definition',
      });
  }
  return { attributes: published, redactions };
}

/** The schema the published copy follows, named in it so a reader knows how to read it. */
export const PUBLISHED_APPLICATION_SCHEMA = 'onewindow/published-application/1';

/**
 * The published copy of a case: the shape of the UK Open Digital Planning post-submission published application
 * (applicationType, data.application, data.submission, data.validation, submission.data.property/proposal,
 * metadata) where it fits, plus the definition's public attributes and the redactions made. Its SHA-256 over
 * canonical JSON is what the `case.published` transition records.
 */
export function publishedApplication(
  facts: PublicationFacts,
  context: { description: string; publishedAt: string; jurisdiction: string; source: { seq: number; hash: string } },
): Record<string, unknown> {
  const address = facts.attributes.siteAddress;
  return {
    applicationType: facts.definitionKey,
    data: {
      application: { reference: facts.reference, stage: facts.publishedFrom.step, status: 'undetermined' },
      localPlanningAuthority: { jurisdiction: context.jurisdiction },
      submission: { submittedAt: facts.receivedAt },
      validation: { receivedAt: facts.receivedAt, publishedFrom: facts.publishedFrom },
    },
    submission: {
      data: {
        ...(typeof address === 'string' ? { property: { address: { singleLine: address } } } : {}),
        proposal: { description: context.description },
      },
      attributes: facts.attributes,
    },
    redactions: facts.redactions,
    metadata: {
      id: facts.reference,
      publishedAt: context.publishedAt,
      submittedAt: facts.receivedAt,
      schema: PUBLISHED_APPLICATION_SCHEMA,
      definition: { key: facts.definitionKey, version: facts.definitionVersion, title: facts.definitionTitle },
      source: context.source,
    },
  };
}

/** Only staff publish a comment, on a case that is on the register, and each comment once. */
export function checkPublishComment(v: CaseView, event: PublishCommentEvent): Refusal | undefined {
  const role = roleRefusal(v, ['clerk', 'supervisor'], 'publishing a comment');
  if (role) return role;
  if (v.state.publishedAt === undefined) {
    return new Refusal('NOT_ALLOWED', `case '${v.state.requestId}' is not on the public register`);
  }
  if (v.state.publishedComments?.includes(event.commentId)) {
    return new Refusal('CONFLICT', `comment '${event.commentId}' is already published`);
  }
  return undefined;
}

/** Records the publication of a comment's redacted copy on the case's chain. */
export function publishComment(r: Reduction, event: PublishCommentEvent): void {
  (r.state.publishedComments ??= []).push(event.commentId);
  const { commentId, sourceHash, sha256, text, redactions } = event;
  r.emit({
    stepId: null,
    event: COMMENT_PUBLISHED,
    fromState: 'unpublished',
    toState: 'published',
    data: { commentId, sourceHash, sha256, text, redactions },
  });
}

/** The transition that publishes a member of the public's comment. */
export const COMMENT_PUBLISHED = 'comment.published';

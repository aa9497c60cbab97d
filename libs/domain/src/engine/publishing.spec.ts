import type { ProcessDefinition } from '../definition/process-definition.types';
import { validateDefinition } from '../definition/definition-validator';
import { landUseDefinition } from '../definitions';
import { applicant, CaseDriver, clerkFor } from '../testing/case-driver';
import { CASE_PUBLISHED, COMMENT_PUBLISHED, publishAtDeclaredPoint, publishComment } from './publishing';

/** Land use with a personal attribute the applicant fills in. */
const withPhone: ProcessDefinition = {
  ...landUseDefinition,
  attributesSchema: {
    ...landUseDefinition.attributesSchema!,
    properties: {
      ...landUseDefinition.attributesSchema!.properties,
      contactPhone: { type: 'string', personal: true },
    },
  },
};

describe(publishAtDeclaredPoint.name, () => {
  it('publishes a land-use case once it is valid, with its public attributes only', () => {
    const sut = CaseDriver.for(withPhone, {
      development: 'minor',
      siteAddress: '1 High St',
      contactPhone: '07700 900123',
    });
    expect(sut.transitions.some((t) => t.event === CASE_PUBLISHED)).toBe(false);

    sut.decide('validation', 'valid', '2026-03-03T10:00:00Z');

    const published = sut.last.find((t) => t.event === CASE_PUBLISHED);
    expect(published).toMatchObject({
      stepId: null,
      toState: 'published',
      actor: { id: 'system', role: 'system' },
      data: {
        reference: 'req-1',
        definitionKey: 'land-use',
        publishedFrom: { step: 'validation', outcome: 'valid' },
        attributes: { development: 'minor', siteAddress: '1 High St' },
      },
    });
    const redacted = (published!.data!.redactions as Array<{ field: string; reason: string }>).map((r) => r.field);
    expect(redacted).toEqual(['applicant', 'attributes.contactPhone']);
    expect(JSON.stringify(published)).not.toContain('07700');
    expect(sut.state.publishedAt).toBe('2026-03-03T10:00:00Z');
  });

  it('publishes a case once, and not at all under a definition without publication', () => {
    const sut = CaseDriver.for(
      { ...landUseDefinition, key: 'private-land-use', publication: undefined },
      { development: 'minor' },
    );
    sut.decide('validation', 'valid', '2026-03-03T10:00:00Z');
    expect(sut.transitions.some((t) => t.event === CASE_PUBLISHED)).toBe(false);
  });
});

describe('publication declaration', () => {
  it('accepts the land-use declaration and refuses a personal attribute, an unknown one and an unknown step', () => {
    expect(validateDefinition(withPhone).ok).toBe(true);
    const result = validateDefinition({
      ...withPhone,
      publication: { from: { step: 'validaton' }, attributes: ['contactPhone', 'floorArea'], documents: ['plans'] },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      "publication.from.step: unknown step 'validaton' (did you mean 'validation'?)",
      "publication.attributes[0]: 'contactPhone' is personal data and is never published",
      "publication.attributes[1]: 'floorArea' is not an attribute of the definition's schema",
      "publication.documents[0]: 'plans' is not a document type of the definition",
    ]);
  });
});

describe(publishComment.name, () => {
  const event = {
    type: 'publish-comment' as const,
    commentId: 'c-1',
    sourceHash: 'a'.repeat(64),
    sha256: 'b'.repeat(64),
    text: 'Too narrow. Call me on [redacted].',
    redactions: [{ field: 'text', range: [23, 35] as [number, number], by: 'planning-clerk', reason: 'phone number' }],
  };

  it('records a comment published by staff on a public case once, naming its source hash and redaction', () => {
    const sut = CaseDriver.for(landUseDefinition, { development: 'minor' });
    const at = '2026-03-04T10:00:00Z';
    expect(() => sut.send({ ...event, at, actor: clerkFor('planning') })).toThrow(/not on the public register/);

    sut.decide('validation', 'valid', '2026-03-03T10:00:00Z');
    expect(() => sut.send({ ...event, at, actor: applicant })).toThrow(/publishing a comment/);
    sut.send({ ...event, at, actor: clerkFor('planning') });
    expect(sut.last).toEqual([
      expect.objectContaining({
        event: COMMENT_PUBLISHED,
        toState: 'published',
        data: {
          commentId: 'c-1',
          sourceHash: event.sourceHash,
          sha256: event.sha256,
          text: event.text,
          redactions: event.redactions,
        },
      }),
    ]);
    expect(() => sut.send({ ...event, at, actor: clerkFor('planning') })).toThrow(/already published/);
  });
});

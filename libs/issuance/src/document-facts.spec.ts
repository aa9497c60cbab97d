import type { BatchedTransition, TransitionBatch } from '@onewindow/contracts';
import { buildingPermitDefinition, textIn, type CaseState } from '@onewindow/domain';
import { factsOf } from './document-issuer';
import type { SigningKey } from './signing-key';

const at = '2026-03-04T10:00:00.000Z';
const sprinklers = buildingPermitDefinition.standardConditions!.find((c) => c.key === 'sprinklers')!;

const batch = {
  request: { requestId: 'r-1', applicantId: 'acme', title: 'Hall A', attributes: {}, submittedAt: at },
  state: {
    jurisdiction: 'us-ca',
    definitionKey: 'building-permit',
    applicant: { id: 'acme', name: 'Acme' },
    history: [],
    conditions: [
      {
        text: textIn(sprinklers.text, 'en'),
        reason: textIn(sprinklers.reason, 'en'),
        standard: 'sprinklers',
        stepId: 'decision',
        at,
      },
      { text: 'Own words', reason: 'Own reason', stepId: 'decision', at },
    ],
  } as unknown as CaseState,
} as unknown as TransitionBatch;
const transition = {
  seq: 9,
  stepId: 'decision',
  event: 'document.issued',
  outcome: 'approved',
  at,
} as BatchedTransition;
const how = (language: 'en' | 'zh-CN') => ({
  number: 'US-CA-2026-000001',
  verificationCode: 'AAAA-BBBB-CCCC-DDDD',
  language,
  publicUrl: 'https://permits.example.gov',
  key: { name: 'Test authority' } as SigningKey,
});

describe(factsOf.name, () => {
  it('prints a standard condition in the document’s language, one written by hand as written', () => {
    const due = { documentId: 'decision-notice-1', kind: 'decision-notice' as const, standardConditions: [sprinklers] };
    const zh = factsOf(batch, transition, due, how('zh-CN')).decision.conditions;
    expect(zh).toEqual([
      { text: textIn(sprinklers.text, 'zh-CN'), reason: textIn(sprinklers.reason, 'zh-CN') },
      { text: 'Own words', reason: 'Own reason' },
    ]);
    expect(factsOf(batch, transition, due, how('en')).decision.conditions[0].text).toBe(textIn(sprinklers.text, 'en'));
  });

  it('prints conditions as recorded when the document carries no standard conditions (issued before them)', () => {
    const due = { documentId: 'decision-notice-1', kind: 'decision-notice' as const };
    expect(factsOf(batch, transition, due, how('zh-CN')).decision.conditions[0].text).toBe(
      textIn(sprinklers.text, 'en'),
    );
  });
});

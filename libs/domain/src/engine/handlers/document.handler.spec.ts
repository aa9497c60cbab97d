import { buildingPermitDefinition } from '../../definitions';
import type { ProcessDefinition } from '../../definition/process-definition.types';
import { validateDefinition } from '../../definition/definition-validator';
import { applicant, CaseDriver, clerkFor } from '../../testing/case-driver';
import { rejectionReason } from '../case-engine';
import type { UploadDocumentEvent } from '../case-event.types';
import { uploadDocument } from './document.handler';

const building = clerkFor('building');
const sha = (c: string) => c.repeat(64);

function upload(documentType: string, at: string, extra: Partial<UploadDocumentEvent> = {}): UploadDocumentEvent {
  return {
    type: 'upload-document',
    documentType,
    fileName: `${documentType}.pdf`,
    sha256: sha('a'),
    size: 1234,
    contentType: 'application/pdf',
    at,
    actor: applicant,
    ...extra,
  };
}

/** The built-in permit with the site plan required at intake. */
const requiring: ProcessDefinition = {
  ...buildingPermitDefinition,
  documents: [
    { key: 'site-plan', title: 'Site plan', requiredAt: ['intake'] },
    { key: 'fire-strategy', title: 'Fire strategy report' },
  ],
};

describe(uploadDocument.name, () => {
  it('records each upload as a transition, a new version superseding the last', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    sut.send(upload('site-plan', '2026-03-02T10:00:00Z'));
    sut.send(upload('site-plan', '2026-03-03T10:00:00Z', { sha256: sha('b'), actor: building }));

    expect(sut.last).toEqual([
      expect.objectContaining({
        event: 'document.uploaded',
        stepId: null,
        actor: building,
        data: expect.objectContaining({ documentType: 'site-plan', version: 2, sha256: sha('b'), supersedes: 1 }),
      }),
    ]);
    const [document] = sut.state.documents ?? [];
    expect(document.versions.map((v) => [v.version, v.sha256, v.context])).toEqual([
      [1, sha('a'), 'submission'],
      [2, sha('b'), 'staff'],
    ]);
  });

  it('marks an applicant upload made while a request for information is open as an answer', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    sut.send({
      type: 'request-information',
      stepId: 'intake',
      items: [{ id: 'site-plan', description: 'Site plan' }],
      at: '2026-03-03T10:00:00Z',
      actor: building,
    });
    sut.send(upload('site-plan', '2026-03-04T10:00:00Z'));

    expect(sut.state.documents?.[0].versions[0].context).toBe('information-answer');
  });

  it('refuses undeclared types, another applicant, auditors and malformed hashes', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    const at = '2026-03-02T10:00:00Z';
    expect(rejectionReason(sut.ctx, sut.state, upload('selfie', at))).toMatch(/unknown document type 'selfie'/);
    expect(
      rejectionReason(sut.ctx, sut.state, upload('site-plan', at, { actor: { id: 'other', role: 'applicant' } })),
    ).toMatch(/only the applicant/);
    expect(
      rejectionReason(sut.ctx, sut.state, upload('site-plan', at, { actor: { id: 'a', role: 'auditor' } })),
    ).toMatch(/not auditor/);
    expect(rejectionReason(sut.ctx, sut.state, upload('site-plan', at, { sha256: 'abc' }))).toMatch(/sha256/);
  });

  it('holds back completeness while a required document is missing, and lists it on a missing-documents notice', () => {
    const sut = CaseDriver.for(requiring);
    const at = '2026-03-03T10:00:00Z';
    const complete = { type: 'decide', stepId: 'intake', outcome: 'complete', at, actor: building } as const;

    expect(rejectionReason(sut.ctx, sut.state, complete)).toMatch(/needs document\(s\) not on file: site-plan/);

    sut.send({ type: 'accept-with-missing', stepId: 'intake', at, actor: building });
    expect(sut.state.missingDocuments?.outstanding).toEqual(['site-plan']);
    expect(sut.active()).toContain('building-review');
  });

  it('lets the step be accepted once the required document is on file', () => {
    const sut = CaseDriver.for(requiring);
    sut.send(upload('site-plan', '2026-03-02T10:00:00Z'));
    sut.decide('intake', 'complete', '2026-03-03T10:00:00Z', building);

    expect(sut.active()).toContain('building-review');
  });

  it('is validated as part of the definition', () => {
    const result = validateDefinition({ ...requiring, documents: [{ key: 'x', title: 'X', requiredAt: ['intak'] }] });
    expect(result).toEqual({
      ok: false,
      errors: ["documents[0].requiredAt[0]: unknown step 'intak' (did you mean 'intake'?)"],
      faults: [{ path: 'documents[0].requiredAt[0]', message: "unknown step 'intak' (did you mean 'intake'?)" }],
    });
  });
});

import { canonicalJson, chainHash, ChainedFields, GENESIS_HASH } from './hash-chain';

const row: ChainedFields = {
  requestId: '2b0c3d9e-0000-4000-8000-000000000001',
  seq: 1,
  stepId: null,
  event: 'submitted',
  fromState: 'none',
  toState: 'in_progress',
  actorId: 'acme',
  actorRole: 'applicant',
  actorDepartment: null,
  outcome: null,
  reason: null,
  conditions: null,
  data: { b: 1, a: [2, { d: 1, c: 2 }] },
  source: 'api',
  occurredAt: '2026-01-05T09:00:00.000Z',
  workflowId: 'request-1',
  runId: 'run-1',
};

describe(canonicalJson.name, () => {
  it('orders keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe(chainHash.name, () => {
  it('is stable for the same row and previous hash', () => {
    expect(chainHash(GENESIS_HASH, row)).toBe(
      chainHash(GENESIS_HASH, { ...row, data: { a: [2, { c: 2, d: 1 }], b: 1 } }),
    );
  });

  it('changes when any field or the previous hash changes', () => {
    const sut = chainHash(GENESIS_HASH, row);
    expect(chainHash(GENESIS_HASH, { ...row, reason: 'edited' })).not.toBe(sut);
    expect(chainHash('f'.repeat(64), row)).not.toBe(sut);
  });
});

import { evaluateCondition } from './condition';
import type { Condition } from './process-definition.types';

describe(evaluateCondition.name, () => {
  const attributes = { loadKw: 12000, supplySource: 'dual', environmentalImpact: true };

  it.each([
    [{ attr: 'loadKw', op: '>', value: 10000 }, true],
    [{ attr: 'loadKw', op: '<=', value: 10000 }, false],
    [{ attr: 'environmentalImpact', op: '==', value: true }, true],
    [{ attr: 'supplySource', op: '!=', value: 'single' }, true],
    [
      {
        all: [
          { attr: 'loadKw', op: '>=', value: 12000 },
          { attr: 'supplySource', op: '==', value: 'dual' },
        ],
      },
      true,
    ],
    [
      { any: [{ attr: 'loadKw', op: '<', value: 5 }, { not: { attr: 'environmentalImpact', op: '==', value: true } }] },
      false,
    ],
  ] as [Condition, boolean][])('%j is %s', (condition, expected) => {
    expect(evaluateCondition(condition, attributes)).toBe(expected);
  });

  it('treats a missing or mistyped attribute conservatively', () => {
    expect(evaluateCondition({ attr: 'lodKw', op: '>', value: 1 }, attributes)).toBe(false);
    expect(evaluateCondition({ attr: 'lodKw', op: '!=', value: 1 }, attributes)).toBe(true);
    expect(evaluateCondition({ attr: 'supplySource', op: '>', value: 1 }, attributes)).toBe(false);
  });
});

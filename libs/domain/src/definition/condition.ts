import type { AttributeValue, Condition } from './process-definition.types';

/**
 * Evaluates a routing condition against request attributes. A missing attribute makes every comparison
 * false except `!=`, and ordering operators compare only numbers with numbers or strings with strings, so a
 * typo in an attribute name routes the case the conservative way instead of throwing mid-workflow.
 */
export function evaluateCondition(condition: Condition, attributes: Record<string, AttributeValue>): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, attributes));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, attributes));
  if ('not' in condition) return !evaluateCondition(condition.not, attributes);
  const actual = Object.prototype.hasOwnProperty.call(attributes, condition.attr)
    ? attributes[condition.attr]
    : undefined;
  const expected = condition.value;
  switch (condition.op) {
    case '==':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '>':
    case '>=':
    case '<':
    case '<=':
      return comparable(actual, expected) && compare(condition.op, actual, expected);
  }
}

function comparable(a: AttributeValue | undefined, b: AttributeValue): a is number | string {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

function compare(op: '>' | '>=' | '<' | '<=', a: number | string, b: AttributeValue): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

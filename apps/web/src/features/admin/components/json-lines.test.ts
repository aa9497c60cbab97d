import { describe, expect, it } from 'vitest';
import { jsonLines, lineOf } from './json-lines';

describe('jsonLines', () => {
  const definition = { key: 'k', steps: [{ id: 'a', next: { done: 'b' } }], caseClock: { duration: { value: 1 } } };
  const lines = jsonLines(definition);

  it('prints the JSON as JSON.stringify does with two spaces', () => {
    expect(lines.map((l) => l.text).join('\n')).toBe(JSON.stringify(definition, null, 2));
  });

  it('finds the line of a fault by its path, or of its nearest parent when the path is not in the file', () => {
    expect(lines[lineOf(lines, 'steps[0].next.done')].text.trim()).toBe('"done": "b"');
    expect(lines[lineOf(lines, 'steps[0].owner')].text.trim()).toBe('{');
    expect(lineOf(lines, 'steps[0].owner')).toBe(lineOf(lines, 'steps[0]'));
    expect(lineOf(lines, 'version')).toBe(0);
  });
});

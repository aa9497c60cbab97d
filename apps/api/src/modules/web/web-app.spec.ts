import { apiRoots, prefersHtml } from './web-app';

describe('prefersHtml', () => {
  it.each([
    ['a browser page load', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['text/* above the rest', 'text/*, */*;q=0.1', true],
    ['fetch with no preference', '*/*', false],
    ['no Accept at all', undefined, false],
    ['JSON asked for', 'application/json', false],
    ['JSON ranked above HTML', 'text/html;q=0.5, application/json', false],
    ['HTML ranked above JSON', 'application/json;q=0.2, text/html', true],
    ['HTML refused', 'text/html;q=0, */*', false],
    ['the most specific range decides', 'text/html;q=0.1, text/*;q=1, application/json;q=0.5', false],
  ])('%s', (_name, accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});

describe('apiRoots', () => {
  it('takes the first segment of every documented path, plus the undocumented roots', () => {
    expect(apiRoots(['/requests/{id}', '/work-queue', '/auth/login'])).toEqual(
      new Set(['api', 'health', 'metrics', 'requests', 'work-queue', 'auth']),
    );
  });
});

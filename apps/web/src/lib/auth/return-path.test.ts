import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe(safeReturnPath.name, () => {
  it('keeps a path of this app with its query', () => {
    expect(safeReturnPath('/my-requests/1f0e?tab=documents')).toBe('/my-requests/1f0e?tab=documents');
  });

  it('never leads to another site or back to the sign-in', () => {
    for (const bad of [
      'https://evil.example/x',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/sign-in',
    ]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
    expect(safeReturnPath(undefined)).toBe('/');
  });
});

import { isSupportedCliVersion, missingCliMessage, parseCliVersion } from './temporal-cli';

describe(parseCliVersion.name, () => {
  it('reads release and source builds', () => {
    expect(parseCliVersion('temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)\n')).toEqual([1, 5, 1]);
    expect(parseCliVersion('temporal version 0.0.0-DEV (Server 1.29.1, UI 2.42.1)')).toEqual([0, 0, 0]);
    expect(parseCliVersion('something else')).toBeUndefined();
  });
});

describe(isSupportedCliVersion.name, () => {
  it('accepts 1.x and go-installed builds but not the pre-1.0 CLI', () => {
    expect(isSupportedCliVersion([1, 5, 1])).toBe(true);
    expect(isSupportedCliVersion([0, 0, 0])).toBe(true);
    expect(isSupportedCliVersion([0, 13, 2])).toBe(false);
  });
});

describe(missingCliMessage.name, () => {
  it('tells the user both ways out', () => {
    const sut = missingCliMessage('/home/me/.cache/onewindow/bin');
    expect(sut).toMatch(/Go >= 1\.23 from https:\/\/go\.dev/);
    expect(sut).toMatch(/TEMPORAL_CLI/);
    expect(sut).toContain('/home/me/.cache/onewindow/bin');
  });
});

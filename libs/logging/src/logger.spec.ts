import { withCorrelationId } from './correlation-context';
import { createLogger, LogLevel } from './logger';

describe(createLogger.name, () => {
  const capture = (level: LogLevel, run: (sut: ReturnType<typeof createLogger>) => void) => {
    const lines: string[] = [];
    run(createLogger({ service: 'api', level, destination: { write: (line: string) => void lines.push(line) } }));
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('writes one JSON object a line with the level, the service and the fields given', () => {
    const [line] = capture('info', (sut) => sut.warn({ context: 'Access', actor: 'clerk-fire' }, 'access denied'));
    expect(line).toEqual({
      level: 'warn',
      time: expect.any(String),
      service: 'api',
      context: 'Access',
      msg: 'access denied',
      actor: 'clerk-fire',
    });
  });

  it('adds the correlation id of the action being handled', () => {
    const lines = capture('info', (sut) => {
      withCorrelationId('corr-123', () => sut.info('handling'));
      sut.info('after');
    });
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'handling', correlationId: 'corr-123', level: 'info' }),
      expect.not.objectContaining({ correlationId: expect.anything() }),
    ]);
  });

  it('names the correlation id once when a child logger is already bound to it', () => {
    const lines: string[] = [];
    const sut = createLogger({
      service: 'api',
      level: 'info',
      destination: { write: (l: string) => void lines.push(l) },
    });
    withCorrelationId('corr-123', () => sut.child({ correlationId: 'corr-123' }).info('request completed'));
    expect(lines[0].match(/"correlationId"/g)).toHaveLength(1);
  });

  it('drops lines below the level', () => {
    expect(capture('warn', (sut) => [sut.debug('d'), sut.info('i'), sut.error('e')])).toEqual([
      expect.objectContaining({ level: 'error', msg: 'e' }),
    ]);
  });
});

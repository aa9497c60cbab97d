import { loadConfig } from '@onewindow/config';
import type { NextFunction, Request, Response } from 'express';
import { correlationMiddleware } from '../correlation';
import { JsonLogger } from './json-logger';

describe(JsonLogger.name, () => {
  const capture = (level: 'debug' | 'info' | 'warn' | 'error', run: (sut: JsonLogger) => void) => {
    const lines: string[] = [];
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    try {
      run(new JsonLogger(loadConfig({ LOG_LEVEL: level })));
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('writes one JSON object a line with level, context and the fields given', () => {
    const [line] = capture('info', (sut) => sut.warn({ msg: 'access denied', actor: 'clerk-fire' }, 'Access'));
    expect(line).toEqual({
      level: 'warn',
      time: expect.any(String),
      context: 'Access',
      msg: 'access denied',
      actor: 'clerk-fire',
    });
  });

  it('adds the correlation id of the request being handled', () => {
    const req = { header: () => 'corr-123' } as unknown as Request;
    const res = { setHeader: () => undefined } as unknown as Response;
    const lines = capture('info', (sut) => {
      const next: NextFunction = () => sut.log('handling', 'Requests');
      correlationMiddleware(req, res, next);
    });
    expect(lines).toEqual([expect.objectContaining({ msg: 'handling', correlationId: 'corr-123', level: 'info' })]);
  });

  it('drops lines below LOG_LEVEL', () => {
    expect(capture('warn', (sut) => [sut.debug('d'), sut.log('i'), sut.error('e', 'stack here', 'Errors')])).toEqual([
      expect.objectContaining({ level: 'error', msg: 'e', stack: 'stack here', context: 'Errors' }),
    ]);
  });
});

import Fastify from 'fastify';
import { connect } from 'node:net';
import { ApiError } from '../errors/api-error';
import { refuseWhileDraining } from './draining.hook';

describe(refuseWhileDraining.name, () => {
  it('answers a request that reaches a closing server with the API error and closes its connection', async () => {
    const sut = Fastify({ return503OnClosing: false });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The slow request finishes only once the second one has reached the server.
    sut.addHook('onRequest', (request, _reply, done) => {
      if (request.url === '/next') release();
      done();
    });
    sut.addHook('onRequest', refuseWhileDraining(sut));
    // The error filter's part, reduced: the API error's code and details become the body.
    sut.setErrorHandler((error, _request, reply) => {
      const apiError = error as ApiError;
      return reply.code(503).send({ code: apiError.code, details: apiError.details });
    });
    let slowStarted!: () => void;
    const started = new Promise<void>((resolve) => (slowStarted = resolve));
    sut.get('/slow', async () => {
      slowStarted();
      await held;
      return { done: true };
    });
    sut.get('/next', () => ({ served: true }));
    let closeBegun!: () => void;
    const closing = new Promise<void>((resolve) => (closeBegun = resolve));
    sut.addHook('preClose', (done) => {
      closeBegun();
      done();
    });
    await sut.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sut.server.address() as { port: number };

    // A keep-alive connection busy with a slow request when the close begins, and a second request on it.
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    await started;
    const closed = sut.close();
    await closing;
    socket.write('GET /next HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    await closed;
    await ended;

    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503/);
    expect(answers[1]).toMatch(/connection: close/i);
    expect(answers[1]).toContain('"code":"UNAVAILABLE"');
    expect(answers[1]).toContain('"reason":"draining"');
  });
});

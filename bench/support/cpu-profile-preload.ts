// Preloaded (node -r) into the api and worker processes by `npm run bench -- --profile`: samples the
// main thread's CPU from start to SIGTERM and writes a .cpuprofile named by BENCH_PROFILE_FILE.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  let stopping = false;
  // A listener of our own also keeps Nest's re-raised SIGTERM from killing the process before the write.
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
      process.exit(0);
    });
  });
}

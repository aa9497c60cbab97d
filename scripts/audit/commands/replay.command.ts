import { AuditCommand, one, out } from '../cli';

export const replayCommand: AuditCommand = {
  name: 'replay',
  usage: 'replay <id>                           replay every run against the current workflow code',
  async run(audit, args) {
    const outcomes = await audit.replayCase(one(args, 'request id'));
    for (const o of outcomes) out(`${o.runId}  ${o.deterministic ? 'deterministic' : `DIVERGED: ${o.divergence}`}`);
    return outcomes.every((o) => o.deterministic) ? 0 : 1;
  },
};

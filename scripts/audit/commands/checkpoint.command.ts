import { AuditCommand, json, out, UsageError } from '../cli';

export const checkpointCommand: AuditCommand = {
  name: 'checkpoint',
  usage: [
    "checkpoint create                     sign a checkpoint over every case's head",
    'checkpoint verify [--anchor <hash>]... verify the checkpoint chain and what it attests',
  ].join('\n  '),
  async run(audit, args, opts) {
    if (!audit.checkpoints) throw new Error('checkpoints are not configured');
    const [action] = args;
    if (action === 'create') {
      const cp = await audit.checkpoints.create();
      if (opts.json) {
        json(cp);
        return 0;
      }
      out(`checkpoint ${cp.id} at ${cp.createdAt}: ${cp.requestCount} cases, ${cp.transitionCount} transitions`);
      out(`hash ${cp.hash}  (keep it elsewhere; pass it to 'checkpoint verify --anchor')`);
      return 0;
    }
    if (action === 'verify') {
      const result = await audit.checkpoints.verify(opts.anchor ?? []);
      if (opts.json) {
        json(result);
        return result.issues.length > 0 ? 1 : 0;
      }
      out(
        `${result.issues.length === 0 ? 'OK' : 'FAILED'}: ${result.checkpoints} checkpoints, ` +
          `${result.headsChecked} heads checked, ${result.uncoveredCases} cases not yet covered`,
      );
      for (const i of result.issues) out(`  ${i.requestId}  seq ${i.seq ?? '-'}  ${i.kind}  ${i.message}`);
      return result.issues.length > 0 ? 1 : 0;
    }
    throw new UsageError('checkpoint create | checkpoint verify');
  },
};

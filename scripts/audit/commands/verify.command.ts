import { AuditCommand, json, one, out } from '../cli';

export const verifyCommand: AuditCommand = {
  name: 'verify',
  usage: 'verify <id>                           check one case against history, the reducer and the workflow',
  async run(audit, args, opts) {
    const result = await audit.cases.verify(one(args, 'request id'));
    if (opts.json) {
      json(result);
      return result.ok ? 0 : 1;
    }
    out(`${result.requestId}: ${result.ok ? 'OK' : 'FAILED'} (${result.transitions} transitions, ${result.runs} runs)`);
    for (const i of result.issues) out(`  seq ${i.seq ?? '-'}  ${i.kind}  ${i.message}`);
    for (const w of result.warnings) out(`  warning: ${w}`);
    return result.ok ? 0 : 1;
  },
};

import { AuditCommand, json, out, progressBar, range, table } from '../cli';

export const verifyAllCommand: AuditCommand = {
  name: 'verify-all',
  usage: 'verify-all [--from <iso>] [--to <iso>] check every case submitted in the range, then the checkpoints',
  async run(audit, _args, opts) {
    const bar = progressBar('verifying');
    const summary = await audit.verifyAll(range(opts), (done, total) => bar.update(done, total));
    bar.done();
    if (opts.json) {
      json(summary);
      return summary.failed > 0 || Object.keys(summary.issuesByKind).length > 0 ? 1 : 0;
    }
    table([
      ['RANGE', `${summary.range.from ?? '-'} .. ${summary.range.to ?? '-'}`],
      ['CASES', summary.cases],
      ['CLEAN', summary.clean],
      ['FAILED', summary.failed],
      ['WITHOUT LOG', summary.requestsWithoutLog.length],
      [
        'CHECKPOINTS',
        summary.checkpoints
          ? `${summary.checkpoints.checkpoints} (${summary.checkpoints.uncoveredCases} cases not yet covered)`
          : '-',
      ],
    ]);
    const kinds = Object.entries(summary.issuesByKind);
    if (kinds.length > 0) {
      out();
      table([['ISSUE', 'COUNT'], ...kinds]);
      out();
      table([
        ['REQUEST', 'SEQ', 'ISSUE', 'MESSAGE'],
        ...summary.failures.flatMap((f) => f.issues.map((i) => [i.requestId, i.seq ?? '-', i.kind, i.message])),
        ...(summary.checkpoints?.issues ?? []).map((i) => [i.requestId, i.seq ?? '-', i.kind, i.message]),
      ]);
    }
    for (const id of summary.requestsWithoutLog) out(`request ${id} has no transitions in the log`);
    return kinds.length > 0 || summary.requestsWithoutLog.length > 0 ? 1 : 0;
  },
};

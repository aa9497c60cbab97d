import { AuditCommand, json, one, table } from '../cli';

export const historyCommand: AuditCommand = {
  name: 'history',
  usage: 'history <id> [--full]                 Temporal history merged with the recorded transitions',
  async run(audit, args, opts) {
    const entries = await audit.cases.history(one(args, 'request id'), { full: opts.full });
    if (opts.json) {
      json(entries);
      return 0;
    }
    table([
      ['AT', 'SOURCE', 'EVENT', 'SEQ', 'SUMMARY'],
      ...entries.map((e) => [e.at, e.source, e.eventId ?? '', e.seq ?? '', `${e.type} ${e.summary}`]),
    ]);
    return 0;
  },
};

import { AuditCommand, date, json, one, UsageError } from '../cli';

export const stateCommand: AuditCommand = {
  name: 'state',
  usage: 'state <id> --at <iso> | --seq <n>     the case as it stood at an instant or after a transition',
  async run(audit, args, opts) {
    if ((opts.at === undefined) === (opts.seq === undefined)) throw new UsageError('give exactly one of --at or --seq');
    const seq = opts.seq === undefined ? undefined : Number(opts.seq);
    if (seq !== undefined && (!Number.isInteger(seq) || seq < 0)) throw new UsageError('--seq must be an integer ≥ 0');
    const point = seq !== undefined ? { seq } : { at: date('at', opts.at)!.toISOString() };
    json(await audit.cases.stateAsOf(one(args, 'request id'), point));
    return 0;
  },
};

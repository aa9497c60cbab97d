import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AuditCommand, out, progressBar, range, UsageError } from '../cli';

export const exportCommand: AuditCommand = {
  name: 'export',
  usage: 'export <id>... | --from --to  --out <dir>   write JSON Lines, CSV and a manifest',
  async run(audit, args, opts) {
    if (!opts.out) throw new UsageError('give --out <dir>');
    if (args.length === 0 && opts.from === undefined && opts.to === undefined) {
      throw new UsageError('give request ids or --from/--to');
    }
    const dir = resolve(opts.out);
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const bar = progressBar('exporting');
    const result = await audit.export(
      args.length > 0 ? { requestIds: args } : range(opts),
      join(dir, `audit-export-${stamp}`),
      (done, total) => bar.update(done, total),
    );
    bar.done();
    out(`${result.manifest.cases.length} cases, ${result.manifest.files.jsonl.transitions} transitions`);
    for (const path of [result.jsonlPath, result.csvPath, result.manifestPath]) out(path);
    const tampered = result.manifest.cases.filter((c) => c.issues.length > 0);
    for (const c of tampered) out(`case ${c.requestId} was exported with ${c.issues.length} issue(s)`);
    return tampered.length > 0 ? 1 : 0;
  },
};

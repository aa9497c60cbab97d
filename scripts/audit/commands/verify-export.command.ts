import { verifyExport } from '@onewindow/audit';
import { resolve } from 'node:path';
import { AuditCommand, one, out } from '../cli';

export const verifyExportCommand: AuditCommand = {
  name: 'verify-export',
  usage: 'verify-export <manifest>              re-verify an export from its files alone',
  offline: true,
  async run(_audit, args) {
    const result = await verifyExport(resolve(one(args, 'manifest path')));
    out(`${result.ok ? 'OK' : 'FAILED'}: ${result.cases} cases, ${result.transitions} transitions`);
    for (const i of result.issues) out(`  ${i.requestId}  seq ${i.seq ?? '-'}  ${i.kind}  ${i.message}`);
    return result.ok ? 0 : 1;
  },
};

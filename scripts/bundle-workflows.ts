// Part of `npm run build`: bundles the workflow code once into dist/, so a worker starts without bundling.
import { bundleApprovalWorkflows, PREBUILT_BUNDLE_PATH } from '@onewindow/temporal';
import { writeFile } from 'node:fs/promises';

async function main(): Promise<void> {
  const started = Date.now();
  await writeFile(PREBUILT_BUNDLE_PATH, await bundleApprovalWorkflows());
  console.log(`Workflow bundle written to ${PREBUILT_BUNDLE_PATH} in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

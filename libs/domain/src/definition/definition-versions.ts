import type { ProcessDefinition } from './process-definition.types';

/**
 * Checks that a candidate may be published next to what is already published: a (key, version) pair is
 * immutable once published, because running cases carry that snapshot and replays depend on it.
 * Returns readable errors (empty when the candidate may be published).
 */
export function checkPublication(published: readonly ProcessDefinition[], candidate: ProcessDefinition): string[] {
  const sameKey = published.filter((d) => d.key === candidate.key);
  const errors: string[] = [];
  if (sameKey.some((d) => d.version === candidate.version)) {
    errors.push(`version: '${candidate.key}' v${candidate.version} is already published; publish a new version`);
  }
  const latest = latestVersion(published, candidate.key);
  if (latest && candidate.version < latest.version) {
    errors.push(`version: must be above the latest published version ${latest.version} of '${candidate.key}'`);
  }
  return errors;
}

/** The newest published version of a definition, which new cases start on. */
export function latestVersion(published: readonly ProcessDefinition[], key: string): ProcessDefinition | undefined {
  return published
    .filter((d) => d.key === key)
    .reduce<ProcessDefinition | undefined>((best, d) => (!best || d.version > best.version ? d : best), undefined);
}

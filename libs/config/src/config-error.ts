/** A setting that is missing or wrong, named so that whoever deploys can fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

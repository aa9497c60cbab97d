/** The database a postgres:// URL names, decoded; undefined when the URL names none. */
export function databaseNameOf(url: string): string | undefined {
  const name = decodeURIComponent(parsePostgresUrl(url).pathname.replace(/^\//, ''));
  return name || undefined;
}

/** The same server and credentials, pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = parsePostgresUrl(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The URL with its password masked, for log lines and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable database URL>';
  }
}

function parsePostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a valid database URL: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`A database URL must start with postgres:// or postgresql://, got ${redactUrl(url)}`);
  }
  return parsed;
}

/** One line of pretty-printed JSON and the path (as the definition validator names paths) that starts on it. */
export interface JsonLine {
  text: string;
  path: string;
}

const join = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;

/** Pretty-prints JSON (2 spaces) and notes which path each line begins, so a fault can be shown at its place. */
export function jsonLines(value: unknown): JsonLine[] {
  const lines: JsonLine[] = [];
  const write = (node: unknown, path: string, indent: string, prefix: string, suffix: string) => {
    if (Array.isArray(node) && node.length > 0) {
      lines.push({ text: `${indent}${prefix}[`, path });
      node.forEach((item, i) => write(item, join(path, i), `${indent}  `, '', i < node.length - 1 ? ',' : ''));
      lines.push({ text: `${indent}]${suffix}`, path });
    } else if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length > 0) {
      const entries = Object.entries(node);
      lines.push({ text: `${indent}${prefix}{`, path });
      entries.forEach(([key, child], i) =>
        write(child, join(path, key), `${indent}  `, `${JSON.stringify(key)}: `, i < entries.length - 1 ? ',' : ''),
      );
      lines.push({ text: `${indent}}${suffix}`, path });
    } else {
      lines.push({ text: `${indent}${prefix}${JSON.stringify(node)}${suffix}`, path });
    }
  };
  write(value, '', '', '', '');
  return lines;
}

/** The line a fault's path points at: the path itself, else its nearest parent present in the file. */
export function lineOf(lines: readonly JsonLine[], path: string): number {
  for (let p = path; ;) {
    const at = lines.findIndex((l) => l.path === p);
    if (at >= 0) return at;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return 0;
    p = p.slice(0, cut);
  }
}

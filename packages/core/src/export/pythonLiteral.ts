/** A JSON-like value the Python writer understands. */
export type PyValue =
  | null
  | boolean
  | number
  | string
  | readonly PyValue[]
  | { readonly [key: string]: PyValue }
  | PyCode;

/** Python source inserted verbatim (a variable name, an expression). */
export interface PyCode {
  readonly code: string;
}

/** Marks `code` as Python source to insert as it is. */
export const py = (code: string): PyCode => ({ code });

const WIDTH = 96;

function isCode(v: unknown): v is PyCode {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'code' in v;
}

/**
 * A finite number as a Python literal that reads back as the same double: JavaScript's
 * shortest round-trip digits (valid Python syntax), with −0 kept as `-0.0`.
 */
export function pyNumber(n: number, { float = false }: { float?: boolean } = {}): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} as a Python literal`);
  if (Object.is(n, -0)) return '-0.0';
  const s = String(n);
  return float && /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** How `pythonLiteral` lays a value out. */
export interface LiteralOptions {
  /** Columns already used on the first line (the indentation of the enclosing block). */
  readonly indent?: number;
  /** Write every number as a Python float (`1.0`, not `1`), so that torch.tensor infers float64. */
  readonly floats?: boolean;
}

/**
 * A value as a Python literal (dicts, lists, True/False/None), laid out for reading: short
 * values on one line, lists of numbers wrapped at about 96 columns, nested lists one item a
 * line. JSON string escapes are valid Python escapes, so strings are written with JSON's.
 *
 * @example
 * pythonLiteral({ lr: 0.1, nesterov: false }) // '{"lr": 0.1, "nesterov": False}'
 */
export function pythonLiteral(value: PyValue, options: LiteralOptions = {}): string {
  const { indent = 0, floats = false } = options;
  const inner = { indent: indent + 4, floats };
  const flat = inline(value, floats);
  if (flat !== null && indent + flat.length <= WIDTH) return flat;
  const pad = ' '.repeat(indent + 4);
  const close = ' '.repeat(indent);
  if (Array.isArray(value)) {
    const items = value as readonly PyValue[];
    if (items.every((v) => typeof v === 'number')) {
      const lines: string[] = [];
      let line = '';
      for (const v of items as number[]) {
        const s = `${pyNumber(v, { float: floats })},`;
        if (line && pad.length + line.length + 1 + s.length > WIDTH) {
          lines.push(line);
          line = s;
        } else line = line ? `${line} ${s}` : s;
      }
      if (line) lines.push(line);
      return `[\n${lines.map((l) => pad + l).join('\n')}\n${close}]`;
    }
    return `[\n${items.map((v) => `${pad}${pythonLiteral(v, inner)},`).join('\n')}\n${close}]`;
  }
  if (typeof value === 'object' && value !== null && !isCode(value)) {
    const entries = Object.entries(value as { [key: string]: PyValue });
    return `{\n${entries
      .map(([k, v]) => `${pad}${JSON.stringify(k)}: ${pythonLiteral(v, inner)},`)
      .join('\n')}\n${close}}`;
  }
  return flat ?? '';
}

/** The one-line form of a value, or null when it has no one-line form worth trying. */
function inline(value: PyValue, floats: boolean): string | null {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value, { float: floats });
  if (typeof value === 'string') return JSON.stringify(value);
  if (isCode(value)) return value.code;
  if (Array.isArray(value)) {
    const items = value as readonly PyValue[];
    if (items.length > 64) return null;
    const parts = items.map((v) => inline(v, floats));
    return parts.includes(null) ? null : `[${parts.join(', ')}]`;
  }
  const entries = Object.entries(value as { [key: string]: PyValue });
  if (entries.length > 16) return null;
  const parts = entries.map(([k, v]) => {
    const s = inline(v, floats);
    return s === null ? null : `${JSON.stringify(k)}: ${s}`;
  });
  return parts.includes(null) ? null : `{${parts.join(', ')}}`;
}

/** The modules a snippet may import. */
export const SNIPPET_MODULES = ['@decaylab/core', 'rxjs'] as const;

const IMPORT = /^[ \t]*import\s*(type\s*)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"];?[ \t]*$/gm;
const OTHER_IMPORT = /^[ \t]*import\s[^;]*;?$/m;

/**
 * Rewrites a snippet's `import { a, b as c } from 'mod';` lines into
 * `const { a, b: c } = __import('mod');` so it can run inside an async function. Type-only
 * imports are dropped; any other import form is an error naming its line.
 *
 * @example
 * transformImports("import { train } from '@decaylab/core';")
 * // "const { train } = __import('@decaylab/core');"
 */
export function transformImports(code: string): string {
  const out = code.replace(
    IMPORT,
    (_all, typeOnly: string | undefined, names: string, from: string) => {
      if (typeOnly) return '';
      const bindings = names
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '))
        .map((n) => n.replace(/^(\w+)\s+as\s+(\w+)$/, '$1: $2'));
      return `const { ${bindings.join(', ')} } = __import(${JSON.stringify(from)});`;
    },
  );
  const other = OTHER_IMPORT.exec(out);
  if (other) {
    const line = out.slice(0, other.index).split('\n').length;
    throw new SyntaxError(
      `line ${line}: only named imports (import { … } from '…') are supported here`,
    );
  }
  return out;
}

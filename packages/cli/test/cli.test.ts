import { describe, expect, it } from 'vitest';
import { clean, decaylab } from './helpers.js';

const COMMANDS = [
  'run',
  'replay',
  'examples',
  'sweep',
  'merge',
  'compare',
  'export',
  'plot',
  'schema',
];

describe('decaylab: help, version, exit codes', () => {
  it('--help lists every command', () => {
    const r = decaylab(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toMatch(/130 interrupted \(Ctrl-C, SIGTERM,\s+SIGHUP/);
    expect(r.stdout).toMatchSnapshot();
  });

  it('no arguments prints the help and exits 2', () => {
    const r = decaylab([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: decaylab <command>');
  });

  it.each(COMMANDS)('%s --help', (command) => {
    const r = decaylab([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: decaylab ${command}`));
    expect(r.stdout).toMatchSnapshot();
    expect(decaylab(['help', command]).stdout).toBe(r.stdout);
  });

  it('-V and --version print the version', () => {
    expect(decaylab(['-V']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('an unknown command is a usage error (2) with one line', () => {
    const r = decaylab(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^decaylab: unknown command "frobnicate" .*\n$/);
  });

  it('an unknown option is a usage error naming it', () => {
    const r = decaylab(['run', 'line', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'--bogus'");
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('bad option values are usage errors', () => {
    for (const args of [
      ['run', 'line', '--every', '0'],
      ['run', 'line', '--every', 'x'],
      ['run', 'line', '--steps', '-3'],
      ['run', 'line', '--format', 'xml'],
      ['run', 'line', '--fields', 'nope'],
      ['run', 'line', '--format', 'csv', '--fields', 'grad,params'],
      ['run', 'line', '--set', 'novalue'],
      ['replay', 'x.ndjson', '--speed', 'fast'],
      ['sweep', 'line'],
      ['sweep', 'line', '--grid', 'optimizer.lr=0.1', '--shard', '3/2'],
      ['compare', 'only-one.ndjson'],
      ['plot', 'x.ndjson'],
    ]) {
      const r = decaylab(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(clean(r.stderr)).toBe(true);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('errors have no stack trace unless --debug', () => {
    const plain = decaylab(['replay', 'does-not-exist.ndjson']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe('decaylab: does-not-exist.ndjson: no such file\n');
    const debug = decaylab(['replay', 'does-not-exist.ndjson', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

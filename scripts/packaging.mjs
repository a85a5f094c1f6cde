#!/usr/bin/env node
// `npm run test:packaging` (part of `npm test`): installs the packages as a user would get them.
// Packs @decaylab/core, @decaylab/charts and decaylab (each `prepack` builds), checks what each
// tarball holds, installs the tarballs into an empty project in the temp folder (npm cache first,
// no workspace links), then runs there: every README's library example verbatim as .mjs,
// `require()` from a .cjs file, `npx decaylab --version`, `decaylab run line --format summary`,
// and a `tsc --strict` file that imports the types. Ends with "N passed, N failed".
// `--keep` keeps the temporary project and prints its path.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = [
  { name: '@decaylab/core', dir: 'packages/core' },
  { name: '@decaylab/charts', dir: 'packages/charts' },
  { name: 'decaylab', dir: 'packages/cli' },
];
const tsc = join(
  dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
  'bin',
  'tsc',
);

// The parent `npm test` passes its own package and workspace settings down; a user's project has none.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) =>
      !/^npm_(package|lifecycle)_|^npm_config_(workspaces?|include_workspace_root)$/i.test(k),
  ),
);
env.NO_COLOR = '1';
env.NO_UPDATE_NOTIFIER = '1';

let passed = 0;
let failed = 0;
/** Runs one named check; a thrown error fails it with its message. */
function check(name, fn) {
  const t0 = performance.now();
  const took = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
  try {
    const note = fn();
    passed++;
    console.log(`ok     ${name} (${note ? `${note}, ` : ''}${took()})`);
  } catch (error) {
    failed++;
    const message = String(error.message ?? error).replaceAll('\n', '\n       ');
    console.log(`FAILED ${name} (${took()})\n       ${message}`);
  }
}
const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};
/** Runs a command; throws with its output unless it exits 0. */
function sh(cmd, args, cwd, { input } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', input, maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stdout}${r.stderr}`.trim(),
    );
  }
  return r.stdout;
}
/**
 * The fenced ```js block of a README that follows `heading` (the first one when omitted), and the
 * ```text block right after it, if any: the output the README promises.
 */
function example(readmePath, heading) {
  const text = readFileSync(join(root, readmePath), 'utf8');
  const from = heading ? text.indexOf(`\n${heading}\n`) : 0;
  assert(from >= 0, `${readmePath}: no "${heading}" heading`);
  const m = text.slice(from).match(/```js\n([\s\S]*?)```\n(?:\s*```text\n([\s\S]*?)```)?/);
  assert(m, `${readmePath}: no \`\`\`js example${heading ? ` after "${heading}"` : ''}`);
  return { code: m[1], output: m[2] };
}

const work = mkdtempSync(join(tmpdir(), 'decaylab-packaging-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);
const started = performance.now();

// 1. Pack (prepack builds each package from a clean dist/).
let packed = [];
check('npm pack builds and packs core, charts and the CLI', () => {
  const out = sh(
    'npm',
    ['pack', '--json', '--pack-destination', tarballs, ...PACKAGES.flatMap((p) => ['-w', p.name])],
    root,
  );
  packed = JSON.parse(out.slice(out.indexOf('[')));
  assert(
    packed.length === PACKAGES.length,
    `expected ${PACKAGES.length} tarballs, got ${packed.length}`,
  );
  return packed
    .map((p) => `${p.filename} ${(p.size / 1024).toFixed(1)} kB, ${p.entryCount} files`)
    .join('; ');
});

for (const pkg of PACKAGES) {
  const info = packed.find((p) => p.name === pkg.name);
  const manifest = JSON.parse(readFileSync(join(root, pkg.dir, 'package.json'), 'utf8'));
  check(`${pkg.name}: tarball has dist/, types, README, LICENSE; no tests`, () => {
    assert(info, 'not packed');
    const files = new Set(info.files.map((f) => f.path));
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'dist/index.js',
      'dist/index.d.ts',
    ]) {
      assert(files.has(f), `missing ${f}`);
    }
    const tests = [...files].filter((f) => /\.test\.|(^|\/)test\//.test(f));
    assert(tests.length === 0, `ships tests: ${tests.slice(0, 3).join(', ')}`);
    for (const bin of Object.values(manifest.bin ?? {}))
      assert(files.has(bin.replace(/^\.\//, '')), `missing bin ${bin}`);
  });
  check(`${pkg.name}: every source map names files in the tarball`, () => {
    assert(info, 'not packed');
    const files = new Set(info.files.map((f) => f.path));
    let maps = 0;
    for (const f of files) {
      if (!f.endsWith('.map')) continue;
      maps++;
      const map = JSON.parse(readFileSync(join(root, pkg.dir, f), 'utf8'));
      const dir = f.slice(0, f.lastIndexOf('/') + 1);
      for (const source of map.sources) {
        const target = new URL(source, `file:///${dir}`).pathname.slice(1);
        assert(
          files.has(target) || map.sourcesContent,
          `${f} names ${source}, which is not in the tarball`,
        );
      }
    }
    return `${maps} maps`;
  });
  check(`${pkg.name}: manifest is publishable`, () => {
    assert(manifest.private !== true, 'private');
    assert(manifest.license === 'MIT', `license ${manifest.license}`);
    assert(
      manifest.repository?.url && manifest.engines?.node && manifest.types,
      'repository, engines.node and types are required',
    );
    if (pkg.name.startsWith('@'))
      assert(
        manifest.publishConfig?.access === 'public',
        'scoped: publishConfig.access must be public',
      );
    for (const [dep, range] of Object.entries({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
    })) {
      assert(/^[\^~]?\d/.test(range), `${dep}: "${range}" is not a version range npm can install`);
      const internal = PACKAGES.find((p) => p.name === dep);
      if (internal) {
        const version = JSON.parse(
          readFileSync(join(root, internal.dir, 'package.json'), 'utf8'),
        ).version;
        assert(
          range === `^${version}`,
          `${dep}: "${range}" (expected ^${version}, the workspace version)`,
        );
      }
    }
    const dot = manifest.exports?.['.'];
    assert(
      dot?.default && dot?.types,
      'exports["."] needs "types" and "default" (require() of ESM)',
    );
  });
}

// 2. Install the tarballs into an empty project.
writeFileSync(
  join(app, 'package.json'),
  `${JSON.stringify({ name: 'decaylab-packaging-test', private: true }, null, 2)}\n`,
);
let installed = false;
check('npm install <tarballs> into an empty project', () => {
  const files = packed.map((p) => join(tarballs, p.filename));
  const install = (mode) =>
    sh('npm', ['install', mode, '--no-audit', '--no-fund', '--loglevel=error', ...files], app);
  // From the npm cache alone when it has every package; else the cache first, then the registry.
  let from = 'npm cache only';
  try {
    install('--offline');
  } catch (error) {
    if (!/ENOTCACHED/.test(error.message)) throw error;
    install('--prefer-offline');
    from = 'npm cache, then the registry for what it lacks';
  }
  for (const pkg of PACKAGES) {
    const dir = join(app, 'node_modules', pkg.name);
    assert(!lstatSync(dir).isSymbolicLink(), `${pkg.name} is a link, not an installed copy`);
    assert(!realpathSync(dir).startsWith(root), `${pkg.name} resolves into the repository`);
    assert(existsSync(join(dir, 'dist', 'index.js')), `${pkg.name} has no dist/index.js`);
  }
  installed = true;
  return from;
});

const run = (name, fn) =>
  check(name, () => {
    assert(installed, 'not installed');
    return fn();
  });
const node = (file, args = []) => sh(process.execPath, [file, ...args], app);

for (const [readme, heading] of [
  ['README.md', '## The library'],
  ['packages/core/README.md'],
  ['packages/charts/README.md'],
  ['packages/cli/README.md'],
]) {
  run(`${readme}: the example runs as pasted into an .mjs file`, () => {
    const file = join(app, `${readme.replaceAll('/', '-')}.mjs`);
    const { code, output } = example(readme, heading);
    writeFileSync(file, code);
    const out = node(file);
    assert(out.trim().length > 0, 'printed nothing');
    if (output !== undefined)
      assert(out === output, `printed:\n${out}\nbut the README shows:\n${output}`);
    return output === undefined ? `${out.trim().split('\n').length} lines` : 'output as shown';
  });
}

run("require('@decaylab/core') from a .cjs file (Node >= 20.19)", () => {
  writeFileSync(
    join(app, 'require.cjs'),
    `const { train, sgd, linear, line } = require('@decaylab/core');
const { seriesFromSteps } = require('@decaylab/charts/data');
const steps = [];
train({ data: line({ n: 10 }), model: linear(), optimizer: sgd({ lr: 0.1 }), steps: 5 })
  .subscribe((e) => e.type === 'step' && steps.push(e));
const series = seriesFromSteps(steps, { name: 'cjs' });
if (steps.length !== 5 || series.train.length !== 5) throw new Error('expected 5 steps, got ' + steps.length);
console.log(steps.at(-1).loss.total);
`,
  );
  const out = node(join(app, 'require.cjs')).trim();
  assert(Number.isFinite(Number(out)), `expected a loss, got ${out}`);
});

const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
run('npx decaylab --version', () => {
  const out = sh('npx', ['--no-install', 'decaylab', '--version'], app).trim();
  assert(out === version, `printed "${out}", expected ${version}`);
});
run('decaylab run line --format summary (the installed bin)', () => {
  const out = sh(
    join(app, 'node_modules', '.bin', 'decaylab'),
    ['run', 'line', '--format', 'summary'],
    app,
  );
  assert(/^run +line: completed after 300 steps$/m.test(out), `unexpected summary:\n${out}`);
  assert(/^best val /m.test(out), `no best val line:\n${out}`);
});
run('decaylab plot writes an SVG (Plot and linkedom resolve from the install)', () => {
  sh(
    join(app, 'node_modules', '.bin', 'decaylab'),
    ['run', 'line', '--out', 'line.ndjson', '--format', 'summary'],
    app,
  );
  const out = sh(
    join(app, 'node_modules', '.bin', 'decaylab'),
    ['plot', 'line.ndjson', '-o', 'line.svg'],
    app,
  );
  assert(readFileSync(join(app, 'line.svg'), 'utf8').includes('<svg'), `no SVG written: ${out}`);
});

run('the types, imported by a `tsc --strict` file', () => {
  writeFileSync(
    join(app, 'types.mts'),
    `import { train, sgd, polynomial, line, summarize, parseSpec, type RunEvent, type StepEvent } from '@decaylab/core';
import { type Chart, lossChart, type RunSeries } from '@decaylab/charts';
import { seriesFromSteps } from '@decaylab/charts/data';
import type { Observable } from 'rxjs';

const spec = { data: line({ n: 20 }), model: polynomial({ degree: 3 }), optimizer: sgd({ lr: 0.1 }), steps: 10 };
const events: Observable<RunEvent> = train(spec, { every: 5 });
const steps: StepEvent[] = [];
events.subscribe((e) => {
  if (e.type === 'step') steps.push(e);
});
const series: RunSeries = seriesFromSteps(steps, { name: 'typed' });
const chart: Chart = lossChart(series);
train(spec).pipe(summarize()).subscribe((s) => s.best?.step.toFixed());
parseSpec(spec).steps.toFixed();
// @ts-expect-error lr is a number
sgd({ lr: 'fast' });
export { chart };
`,
  );
  const compilerOptions = {
    strict: true,
    noEmit: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: [],
    skipLibCheck: false,
  };
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: ['types.mts'] }),
  );
  sh(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
});

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (process.argv.includes('--keep')) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(`\npackaging (${seconds}s): ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

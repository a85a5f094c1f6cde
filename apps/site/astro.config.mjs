// @ts-check
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { catalogues } from './src/i18n/catalogues.ts';
import { translator } from './src/i18n/server.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * Wraps every Markdown table in a focusable, labelled scroll container and makes display
 * formulas focusable, so what scrolls sideways at 375 px can be scrolled from the keyboard
 * (axe: scrollable-region-focusable). Also keeps KaTeX's hidden MathML out of the search index.
 */
function rehypeScrollableTables() {
  /** The label of a table's scroll region, in the page's language (docs/zh-cn/ is Chinese). */
  let tableLabel = '';
  /** @param {any} node */
  const visit = (node) => {
    if (!Array.isArray(node.children)) return;
    node.children = node.children.map((child) => {
      visit(child);
      const classes = child.properties?.className ?? [];
      if (child.type === 'element' && Array.isArray(classes) && classes.includes('katex-mathml')) {
        // KaTeX's hidden MathML would be indexed as text ("γ\\gammaγ"): keep it out of search.
        child.properties.dataPagefindIgnore = 'all';
        return child;
      }
      if (child.type === 'element' && Array.isArray(classes) && classes.includes('katex-display')) {
        // Display formulas scroll sideways on narrow screens: make them reachable by keyboard.
        child.properties.tabIndex = 0;
        return child;
      }
      if (child.type !== 'element' || child.tagName !== 'table') return child;
      return {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['dl-table-scroll'],
          tabIndex: 0,
          role: 'region',
          ariaLabel: tableLabel,
        },
        children: [child],
      };
    });
  };
  /** @param {any} tree @param {{ path?: string }} file */
  return (tree, file) => {
    const lang = /[\\/]docs[\\/]zh-cn[\\/]/.test(file.path ?? '') ? 'zh-CN' : 'en';
    tableLabel = translator({ lang })('table.scrollable');
    visit(tree);
  };
}

/**
 * After the build, preloads the KaTeX fonts that nearly every formula uses on pages with math,
 * so they arrive with the page instead of reflowing the text later (layout shift).
 *
 * @returns {import('astro').AstroIntegration}
 */
function preloadKatexFonts() {
  const wanted = /^KaTeX_(Main-Regular|Math-Italic|Size1-Regular|Size2-Regular)\.[\w-]+\.woff2$/;
  return {
    name: 'decaylab:preload-katex-fonts',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const fonts = readdirSync(`${root}_astro`).filter((f) => wanted.test(f));
        const links = fonts
          .map(
            (f) =>
              `<link rel="preload" href="/_astro/${f}" as="font" type="font/woff2" crossorigin>`,
          )
          .join('');
        /** @param {string} d */
        const walk = (d) => {
          for (const entry of readdirSync(d, { withFileTypes: true })) {
            const path = `${d}/${entry.name}`;
            if (entry.isDirectory()) walk(path);
            else if (entry.name.endsWith('.html')) {
              const html = readFileSync(path, 'utf8');
              if (html.includes('class="katex"'))
                writeFileSync(path, html.replace('</head>', `${links}</head>`));
            }
          }
        };
        walk(root.replace(/\/$/, ''));
      },
    },
  };
}

/**
 * The browser's copy of a message catalogue (`src/i18n/en.ts`, `zh-CN.ts`, loaded by
 * `loadCatalogue`) holds only the keys client code can read: those written as a string literal
 * in a `.ts` module under `src/` (not a test, not `src/i18n/`). Keys only the `.astro` frames and
 * no-JavaScript fallbacks use are rendered at build time and stay out of the page's JS. The
 * server build (and the tests) import the files whole. A key missing here still throws in the
 * browser (`MissingMessageError`), as the browser tests would show.
 *
 * @returns {import('vite').Plugin}
 */
function clientCatalogues() {
  const src = fileURLToPath(new URL('./src/', import.meta.url));
  const viewer = join(src, 'widgets/viewer/RunViewerElement.ts');
  const playground = join(src, 'widgets/playground/');
  const shared = join(src, 'widgets/_shared/');
  /**
   * The part a source file's keys go to: the run viewer's and the playground's keys are parts
   * of their own (the playground's includes the shared widget parts it builds on); `widgets`
   * has everything but those two.
   * @param {string} path
   * @param {string} part
   */
  const feeds = (path, part) =>
    part === 'viewer'
      ? path === viewer
      : part === 'playground'
        ? path.startsWith(playground) || path.startsWith(shared)
        : path !== viewer && !path.startsWith(playground);
  /** File → [locale, export, part]. */
  const files = {
    [join(src, 'i18n/en.ts')]: ['en', 'en', 'widgets'],
    [join(src, 'i18n/zh-CN.ts')]: ['zh-CN', 'zhCN', 'widgets'],
    [join(src, 'i18n/viewer/en.ts')]: ['en', 'en', 'viewer'],
    [join(src, 'i18n/viewer/zh-CN.ts')]: ['zh-CN', 'zhCN', 'viewer'],
    [join(src, 'i18n/playground/en.ts')]: ['en', 'en', 'playground'],
    [join(src, 'i18n/playground/zh-CN.ts')]: ['zh-CN', 'zhCN', 'playground'],
  };
  /** @param {string} dir @returns {string[]} */
  const sources = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return path === join(src, 'i18n') ? [] : sources(path);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
    });
  return {
    name: 'decaylab:client-catalogues',
    enforce: 'pre',
    load(id, options) {
      const file = files[id.split('?')[0]];
      if (!file || options?.ssr) return null;
      const [code, name, part] = file;
      const literals = new Set();
      for (const path of sources(src)) {
        if (!feeds(path, part)) continue;
        for (const m of readFileSync(path, 'utf8').matchAll(/'([\w.-]+)'|"([\w.-]+)"/g))
          literals.add(m[1] ?? m[2]);
      }
      const used = Object.entries(catalogues[code]).filter(([key]) => literals.has(key));
      return `export const ${name} = ${JSON.stringify(Object.fromEntries(used))};`;
    },
  };
}

/**
 * `import url from './x.worker?module-worker'`: the URL of module `x.worker` built as an entry
 * chunk of the page build, to start with `new Worker(url, { type: 'module' })`. The worker then
 * imports the same chunks as the page (the engine and RxJS are fetched once), where Vite's
 * `new Worker(new URL(…))` bundles each worker separately with its own copy. An entry, not a
 * dynamic import: Rollup would otherwise put the worker's dependencies into the importing
 * widget's chunk, which defines custom elements and cannot run in a worker.
 *
 * @returns {import('vite').Plugin}
 */
function moduleWorker() {
  const suffix = '?module-worker';
  return {
    name: 'decaylab:module-worker',
    async resolveId(source, importer) {
      if (!source.endsWith(suffix)) return null;
      const resolved = await this.resolve(source.slice(0, -suffix.length), importer);
      return resolved && `${resolved.id}${suffix}`;
    },
    load(id) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -suffix.length);
      // The dev server serves source modules as they are.
      if (this.meta.watchMode) return `export default ${JSON.stringify(`/@fs${file}`)};`;
      const ref = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

/**
 * Core's real-table rows (data/realTableRows.js, ≈ 7 KB gzip) stay out of the chapters' engine:
 * core's own import of them resolves to src/widgets/_shared/realTableRows.ts, a stand-in whose
 * rows the playground's runtime provides from `decaylab:real-table-rows` (the real file), the
 * only page that trains on real data.
 *
 * @returns {import('vite').Plugin}
 */
function realTableRowsOnDemand() {
  const standIn = fileURLToPath(new URL('./src/widgets/_shared/realTableRows.ts', import.meta.url));
  return {
    name: 'decaylab:real-table-rows-on-demand',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === 'decaylab:real-table-rows') {
        const core = await this.resolve('@decaylab/core', importer, { skipSelf: true });
        return core && join(dirname(core.id), 'data', 'realTableRows.js');
      }
      if (
        source === './realTableRows.js' &&
        importer &&
        /[\\/]core[\\/]dist[\\/]data[\\/]/.test(importer)
      )
        return standIn;
      return null;
    },
  };
}

/** The docs live in the top-level docs/ folder (symlinked as src/content/docs). */
const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url));

/** @param {string} slug  true when docs/<slug>.md or .mdx exists */
const exists = (slug) => ['.md', '.mdx'].some((ext) => existsSync(`${docsDir}${slug}${ext}`));

/** Chapters are docs/chapters/NN-*.md(x), in file-name order; missing ones are simply absent. */
const chapters = existsSync(`${docsDir}chapters`)
  ? readdirSync(`${docsDir}chapters`)
      .filter((f) => /^\d\d-.*\.mdx?$/.test(f))
      .sort()
      .map((f) => ({ slug: `chapters/${f.replace(/\.mdx?$/, '')}` }))
  : [];

/** Sidebar labels in the other languages, by slug (chapters take their page's title). */
/** @type {Record<string, Record<string, string>>} */
const sidebarLabels = {
  'reference/streams': { 'zh-CN': '流式 API' },
  'reference/cli': { 'zh-CN': '命令行' },
  'reference/spec': { 'zh-CN': 'RunSpec' },
  'reference/events': { 'zh-CN': '事件' },
  'reference/viewer': { 'zh-CN': '运行查看器' },
};

/** Reference pages in a fixed order; a page nobody has written yet is left out of the sidebar. */
const reference = [
  ['reference/streams', 'Streams API'],
  ['reference/cli', 'CLI'],
  ['reference/spec', 'RunSpec'],
  ['reference/events', 'Events'],
  ['reference/viewer', 'Run viewer'],
]
  .filter(([slug]) => exists(slug))
  .map(([slug, label]) => ({ slug, label, translations: sidebarLabels[slug] ?? {} }));

export default defineConfig({
  site: 'https://decaylab.dev',
  integrations: [
    preloadKatexFonts(),
    starlight({
      title: 'decaylab',
      description:
        'Learn, see and measure weight decay, with live widgets driven by the real engine.',
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      // English at the root (URLs unchanged), Simplified Chinese under /zh-cn/ (docs/zh-cn/).
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      routeMiddleware: './src/routeData.ts',
      sidebar: [
        { label: 'Chapters', translations: { 'zh-CN': '章节' }, items: chapters },
        ...(exists('playground')
          ? [{ slug: 'playground', label: 'Playground', translations: { 'zh-CN': '实验场' } }]
          : []),
        { label: 'Reference', translations: { 'zh-CN': '参考' }, items: reference },
        ...(exists('references')
          ? [
              {
                label: 'Sources',
                translations: { 'zh-CN': '参考文献' },
                items: [{ slug: 'references' }],
              },
            ]
          : []),
      ],
      lastUpdated: false,
      // Wrapped code lines: no horizontal scroll region that a keyboard could not reach. Without
      // preserveIndent, since a deep hanging indent (the CLI's --help) still overflowed at 375 px.
      expressiveCode: { defaultProps: { wrap: true, preserveIndent: false } },
      disable404Route: true,
    }),
  ],
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, { strict: 'ignore' }], rehypeScrollableTables],
  },
  vite: {
    plugins: [moduleWorker(), clientCatalogues(), realTableRowsOnDemand()],
    // Terser after esbuild's transforms: about 4 KB gzip less JS on a chapter than esbuild's own
    // minifier (budget: 175 KB with search opened, `npm run bench -w @decaylab/site`). Safe
    // transforms only: no unsafe math, so every number the engine computes stays the same.
    build: { minify: 'terser', terserOptions: { compress: { passes: 2 }, module: true } },
    resolve: {
      alias: {
        '@widgets': fileURLToPath(new URL('./src/widgets', import.meta.url)),
        // No widget draws maps: Plot's projections and geo marks stay out of the bundle.
        'd3-geo': fileURLToPath(new URL('./src/vendor/d3GeoStub.js', import.meta.url)),
        // Widgets give color scales a range: Plot's color schemes stay out of the bundle.
        'd3-scale-chromatic': fileURLToPath(
          new URL('./src/vendor/d3ScaleChromaticStub.js', import.meta.url),
        ),
      },
    },
  },
});

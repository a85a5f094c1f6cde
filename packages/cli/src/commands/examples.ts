import { usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { parse } from '../cli/parse.js';
import {
  chapterUrls,
  DOCS_SITE,
  EXAMPLES,
  type Example,
  findExample,
  pageUrls,
} from '../examples/examples.js';

const help = `Usage: decaylab examples [--show NAME] [--json]

Lists the built-in specs, which mirror the docs: the chapters, and the playground for the
real data sets (cars, penguins). Run one with \`decaylab run NAME\`; \`--show NAME\` prints
its spec as a starting point for your own.

Options:
  --show NAME   print the example's spec (JSON)
  --json        list the examples as JSON
                [{name, about, chapter: {en, zh-CN} | null, page: {en, zh-CN}}]:
                page is the docs page it mirrors (English and Chinese URLs), chapter the
                same when that page is a chapter, else null
  -h, --help    show this help`;

/** The footer's lines for the examples that mirror a page other than a chapter: one per page. */
function otherPages(examples: readonly Example[]): string[] {
  const byPage = new Map<string, Example[]>();
  for (const e of examples)
    if (e.chapter === undefined) byPage.set(e.page, [...(byPage.get(e.page) ?? []), e]);
  return [...byPage.values()].map((group) => {
    const { en, 'zh-CN': zh } = pageUrls(group[0] as Example);
    return `${new Intl.ListFormat('en').format(group.map((e) => e.name))} mirror ${en} (中文版: ${zh})\n`;
  });
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { show: { type: 'string' }, json: { type: 'boolean' } },
    'examples',
  );
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw usageError(
      `examples: unexpected argument ${JSON.stringify(positionals[0])} (did you mean --show ${positionals[0]}?)`,
    );
  if (values.show !== undefined) {
    const example = findExample(values.show);
    if (!example)
      throw usageError(
        `examples: no example named ${JSON.stringify(values.show)} (examples: ${EXAMPLES.map((e) => e.name).join(', ')})`,
      );
    ctx.stdout.write(`${JSON.stringify(example.spec, null, 2)}\n`);
    return EXIT.ok;
  }
  if (values.json) {
    ctx.stdout.write(
      `${JSON.stringify(
        EXAMPLES.map((e) => ({
          name: e.name,
          about: e.about,
          chapter: chapterUrls(e),
          page: pageUrls(e),
        })),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const width = Math.max(...EXAMPLES.map((e) => e.name.length));
  const lines = EXAMPLES.map((e) => `  ${e.name.padEnd(width)}  ${e.about}`);
  ctx.stdout.write(
    `${lines.join('\n')}\n\nRun one: decaylab run <name>   Show its spec: decaylab examples --show <name>\nThe chapters they mirror: ${DOCS_SITE}/chapters/ (--json names each one)\n中文版: ${DOCS_SITE}/zh-cn/chapters/\n${otherPages(EXAMPLES).join('')}`,
  );
  return EXIT.ok;
}

/** `decaylab examples`. */
export const examplesCommand: Command = {
  name: 'examples',
  summary: 'list the built-in example specs (--show NAME prints one)',
  help,
  run,
};

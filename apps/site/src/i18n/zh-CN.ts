import type { Catalogue } from './en';

/**
 * The Simplified Chinese message catalogue. Typed as `Catalogue`, so a missing key is a type
 * error, and `catalogue.test.ts` fails on it too (there is no fallback to English). Terms follow
 * docs/zh-cn/GLOSSARY.md.
 *
 * @example
 * zhCN['table.scrollable'] // '表格（可滚动）'
 */
export const zhCN: Catalogue = {
  'table.scrollable': '表格（可滚动）',
  'notFound.title': '页面不存在',
  'notFound.description': '这个页面不存在。',
  'notFound.text': '这个页面不存在。可以回到{home}，或者用搜索找找看。',
  'notFound.home': '首页',
};

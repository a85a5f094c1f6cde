import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { checkCatalogue } from './checkCatalogue';
import { en } from './en';
import { MissingMessageError, translator } from './server';
import { zhCN } from './zh-CN';

describe('message catalogues', () => {
  it.each(Object.keys(catalogues).filter((c) => c !== 'en'))(
    '%s has every English key, no extra key, no empty message, the same {parameters}',
    (code) => {
      expect(checkCatalogue(en, catalogues[code] ?? {}, code)).toEqual([]);
    },
  );

  it('a key missing from the Chinese catalogue is reported (no silent English fallback)', () => {
    const { 'notFound.home': _dropped, ...incomplete } = zhCN;
    expect(checkCatalogue(en, incomplete, 'zh-CN')).toEqual(['zh-CN: missing key notFound.home']);
    expect(checkCatalogue(en, { ...zhCN, 'notFound.text': '没有{page}' }, 'zh-CN')).toEqual([
      'zh-CN: notFound.text has parameters {page} (expected {home})',
    ]);
  });

  it('the Chinese catalogue is really Chinese where English has words', () => {
    const same = Object.keys(en).filter(
      (k) =>
        zhCN[k as keyof typeof en] === en[k as keyof typeof en] &&
        /[a-z]{3}/i.test(en[k as keyof typeof en]),
    );
    expect(same).toEqual([]);
  });
});

describe('t(key, params)', () => {
  it('reads the catalogue of the page language and fills parameters', () => {
    expect(translator({ lang: 'zh-CN' })('notFound.text', { home: 'H' })).toBe(
      '这个页面不存在。可以回到H，或者用搜索找找看。',
    );
    expect(translator({ lang: 'en' })('notFound.home')).toBe('home page');
    expect(translator({ lang: 'zh' })('notFound.home')).toBe('首页');
    expect(translator({ lang: 'en-GB' })('notFound.home')).toBe('home page');
  });

  it('throws for a missing key and for a language without a catalogue', () => {
    expect(() => translator({ lang: 'zh-CN' })('no.such.key' as keyof typeof en)).toThrow(
      MissingMessageError,
    );
    expect(() => translator({ lang: 'fr' })).toThrow(/invalid lang: "fr"/);
  });
});

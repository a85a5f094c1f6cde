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

  it('picks the plural branch of the page language (no "1 steps")', () => {
    const t = translator({ lang: 'en' });
    expect(t('geometry.after', { w: '(0, 0)', steps: 1 })).toBe('(0, 0) after 1 step');
    expect(t('geometry.after', { w: '(0, 0)', steps: 2 })).toBe('(0, 0) after 2 steps');
    expect(t('geometry.after', { w: '(0, 0)', steps: 0 })).toBe('(0, 0) after 0 steps');
    expect(t('effective.steps', { value: '1' })).toBe('1 step');
    expect(t('effective.steps', { value: '1.5' })).toBe('1.5 steps');
    expect(t('viewer.badLines', { count: 1 })).toBe('1 line could not be read');
    expect(t('playground.csv.nVal', { nVal: 1, rows: 1 })).toMatch(
      /^cannot hold out 1 of 1 row for/,
    );
    expect(translator({ lang: 'zh-CN' })('geometry.after', { w: 'W', steps: 1 })).toBe('1 步后 W');
  });

  it('checks plural parameters like plain ones', () => {
    expect(checkCatalogue(en, { ...zhCN, 'geometry.after': '{w} 之后' }, 'zh-CN')).toEqual([
      'zh-CN: geometry.after has parameters {w} (expected {steps}, {w})',
    ]);
  });

  it('throws for a missing key and for a language without a catalogue', () => {
    expect(() => translator({ lang: 'zh-CN' })('no.such.key' as keyof typeof en)).toThrow(
      MissingMessageError,
    );
    expect(() => translator({ lang: 'fr' })).toThrow(/invalid lang: "fr"/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './loadCatalogue';
import { MissingMessageError, translator } from './t';

// The browser's path: no catalogue until the page's one is loaded, and only that one. (This file
// imports neither server.ts nor catalogues.ts, so nothing is registered up front.)
describe('loadCatalogue(lang)', () => {
  it('registers only the catalogue it loads; the others still throw', async () => {
    expect(() => translator({ lang: 'zh-CN' })).toThrow(MissingMessageError);
    expect(() => translator({ lang: 'zh-CN' })).toThrow(/zh-CN catalogue is not loaded/);
    await loadCatalogue('zh');
    expect(translator({ lang: 'zh-CN' })('notFound.home')).toBe('首页');
    expect(() => translator({ lang: 'en' })).toThrow(/en catalogue is not loaded/);
    await loadCatalogue('en-GB');
    expect(translator({ lang: 'en' })('notFound.home')).toBe('home page');
  });

  it('rejects a language without a catalogue', async () => {
    await expect(loadCatalogue('fr')).rejects.toThrow(/invalid lang: "fr"/);
  });
});

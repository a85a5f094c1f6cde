import { describe, expect, it } from 'vitest';
import { safeText, xmlText } from './safeText.js';

describe('safeText', () => {
  it('escapes every control character a terminal could act on', () => {
    const evil = 'a\u001b]0;title\u0007b\u001b[2J\rc\nd\u009b31me\u202ef\u2066g\u007fh\u0000';
    const safe = safeText(evil);
    expect(safe).toBe(
      'a\\u001b]0;title\\u0007b\\u001b[2J\\u000dc\\u000ad\\u009b31me\\u202ef\\u2066g\\u007fh\\u0000',
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps tabs and newlines with multiline, and ordinary text as it is', () => {
    expect(safeText('a\tb\nc\u001b', { multiline: true })).toBe('a\tb\nc\\u001b');
    expect(safeText('‖θ‖ λ=0.1 — ok')).toBe('‖θ‖ λ=0.1 — ok');
  });
});

describe('xmlText', () => {
  it('drops control characters and lone surrogates, escapes markup', () => {
    expect(xmlText('<b>&"x"\u0007\u001b[2J\ud800</b>')).toBe(
      '&lt;b&gt;&amp;&quot;x&quot;[2J&lt;/b&gt;',
    );
    expect(xmlText('😀 ok')).toBe('😀 ok');
  });
});

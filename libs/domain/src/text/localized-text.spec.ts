import { languageOf, textIn } from './localized-text';

describe('textIn', () => {
  it('reads a label in the reader language and falls back to English', () => {
    expect(textIn({ en: 'Intake', 'zh-CN': '受理' }, 'zh-CN')).toBe('受理');
    expect(textIn({ en: 'Intake' } as never, 'zh-CN')).toBe('Intake');
  });

  it('reads a plain string of an old version in every language', () => {
    expect(textIn('Intake', 'zh-CN')).toBe('Intake');
  });
});

describe('languageOf', () => {
  it('picks the highest-ranked served language of an Accept-Language header', () => {
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(languageOf('fr-FR, en;q=0.5, zh;q=0.7')).toBe('zh-CN');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { i18n, i18nReady } from './index';
import { zhCN } from './zh-CN';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('have every key in both English and Chinese', () => {
    const english = keys(en).sort();
    const chinese = keys(zhCN).sort();
    expect(chinese.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !chinese.includes(k))).toEqual([]);
  });

  it('leave no Chinese string empty or untranslated English', () => {
    const flat = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'object' && v !== null ? flat(v as object) : [String(v)]));
    expect(flat(zhCN).filter((s) => s.trim() === '')).toEqual([]);
  });
});

describe('a missing translation', () => {
  it('shows its key marked, unless the label brings a default from data', async () => {
    await i18nReady;
    expect(i18n.t('definitions.no-such-process')).toBe('⟦definitions.no-such-process⟧');
    expect(i18n.t('definitions.street-works', { defaultValue: 'Street works' })).toBe('Street works');
    expect(i18n.t('queue.total', { count: 2 })).toBe('2 steps');
  });
});

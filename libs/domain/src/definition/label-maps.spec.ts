import { buildingPermitDefinition } from '../definitions/building-permit.definition';
import { validateDefinition } from './definition-validator';

describe('outcome and department names in a definition', () => {
  const publish = (patch: object) =>
    validateDefinition({ ...buildingPermitDefinition, ...patch }, { everyLanguage: true });

  it('are accepted in every served language, as the built-ins carry them', () => {
    expect(publish({})).toMatchObject({ ok: true });
    expect(buildingPermitDefinition.departments?.fire).toEqual({ en: 'Fire safety', 'zh-CN': '消防救援机构' });
  });

  it('are refused with a language missing, naming the path', () => {
    const result = publish({ outcomeLabels: { approved: { en: 'Approved' } } });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContain('outcomeLabels.approved.zh-CN: the zh-CN text is missing');
  });

  it('are refused when the map is not a map of ids to names', () => {
    const result = publish({ departments: ['fire'] });
    expect(result.ok ? [] : result.errors.join('\n')).toMatch(/^departments: must map ids to names/m);
    const badId = publish({ departments: { 'Fire Dept': { en: 'Fire', 'zh-CN': '消防' } } });
    expect(badId.ok ? [] : badId.errors.join('\n')).toMatch(/departments\.Fire Dept/);
  });

  it('may be left out, as versions published before them were', () => {
    const { outcomeLabels, departments, ...older } = buildingPermitDefinition;
    void outcomeLabels;
    void departments;
    expect(validateDefinition(older, { everyLanguage: true })).toMatchObject({ ok: true });
  });
});

describe('standard conditions in a definition', () => {
  const publish = (standardConditions: unknown) =>
    validateDefinition({ ...buildingPermitDefinition, standardConditions }, { everyLanguage: true });
  const sprinklers = {
    key: 'sprinklers',
    text: { en: 'Sprinklers before occupation', 'zh-CN': '投入使用前安装自动喷水灭火系统' },
    reason: { en: 'Fire load', 'zh-CN': '火灾荷载较大' },
  };

  it('are accepted with text and reason in every served language, as the building permit carries them', () => {
    expect(publish([sprinklers])).toMatchObject({ ok: true });
    expect(buildingPermitDefinition.standardConditions?.map((c) => c.text)).toContainEqual({
      en: 'Sprinklers installed and tested before occupation',
      'zh-CN': '投入使用前完成自动喷水灭火系统安装并经检测合格',
    });
  });

  it('are refused with a language missing or a one-language string, naming the path', () => {
    const result = publish([
      { ...sprinklers, reason: { en: 'Fire load' } },
      { ...sprinklers, key: 'b', text: 'Noise' },
    ]);
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        'standardConditions[0].reason.zh-CN: the zh-CN text is missing',
        expect.stringMatching(/^standardConditions\[1\]\.text: must be a text in each language/),
      ]),
    );
  });

  it('are refused with a duplicate key or an unknown field', () => {
    const result = publish([sprinklers, { ...sprinklers, note: 'x' }]);
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        "standardConditions[1].key: duplicate standard condition 'sprinklers'",
        expect.stringMatching(/^standardConditions\[1\]\.note/),
      ]),
    );
  });

  it('may be one-language strings in a version stored before labels were translated, which still loads', () => {
    const stored = {
      ...buildingPermitDefinition,
      standardConditions: [{ key: 'noise', text: 'Quiet', reason: 'Why' }],
    };
    expect(validateDefinition(stored)).toMatchObject({ ok: true });
  });
});

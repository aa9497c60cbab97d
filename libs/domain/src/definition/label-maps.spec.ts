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

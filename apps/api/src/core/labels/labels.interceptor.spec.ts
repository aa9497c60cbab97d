import { StreamableFile } from '@nestjs/common';
import { inLanguage } from './labels.interceptor';

class StepView {
  constructor(
    readonly stepId: string,
    readonly title: unknown,
  ) {}
}

describe(inLanguage.name, () => {
  const title = { en: 'Fire safety review', 'zh-CN': '消防设计审查' };

  it('writes every label of a definition or view in the one language asked for', () => {
    const body = { items: [new StepView('fire-review', title)], definition: { title, steps: [{ title }] } };
    expect(inLanguage(body, 'zh-CN')).toEqual({
      items: [{ stepId: 'fire-review', title: '消防设计审查' }],
      definition: { title: '消防设计审查', steps: [{ title: '消防设计审查' }] },
    });
    expect(inLanguage(body, 'en')).toMatchObject({ items: [{ title: 'Fire safety review' }] });
  });

  it('leaves plain strings (older versions), other objects and files as they are', () => {
    const file = new StreamableFile(Buffer.from('x'));
    expect(inLanguage({ title: 'Intake', attributes: { floorAreaM2: 12 }, at: null }, 'zh-CN')).toEqual({
      title: 'Intake',
      attributes: { floorAreaM2: 12 },
      at: null,
    });
    expect(inLanguage(file, 'zh-CN')).toBe(file);
  });
});

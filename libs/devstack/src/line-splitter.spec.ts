import { createLineSplitter, TailBuffer } from './line-splitter';

describe(createLineSplitter.name, () => {
  it('joins lines split across chunks and skips blank ones', () => {
    const lines: string[] = [];
    const sut = createLineSplitter((line) => lines.push(line));
    sut.push('go: downloading a\r\ngo: down');
    sut.push('loading b\n\n');
    sut.push('tail without newline');
    sut.end();
    expect(lines).toEqual(['go: downloading a', 'go: downloading b', 'tail without newline']);
  });
});

describe(TailBuffer.name, () => {
  it('keeps only the newest lines', () => {
    const sut = new TailBuffer(2);
    ['a', 'b', 'c'].forEach((line) => sut.push(line));
    expect(sut.toString()).toBe('b\nc');
  });
});

import { expect, it } from 'vitest';
import { parseNote } from './index.js';

const tagsOf = (frontMatter: string) => {
  const file = parseNote({ path: 'n.md', value: `---\n${frontMatter}\n---\n\n## 什么是卷积？\n\n一种运算。\n` }, { mode: 'lenient' });
  return (file.data.records as Array<{ tags: string[] }>).map((record) => record.tags);
};

it('drops blank tags and trims the others in lenient front matter', () => {
  expect(tagsOf('tags: [""]')).toEqual([[]]);
  expect(tagsOf('tags: ["  ", " cnn ", 3]')).toEqual([['cnn', '3']]);
  expect(tagsOf('tags: "a,, b，"')).toEqual([['a', 'b']]);
  expect(tagsOf('tags:')).toEqual([[]]);
});

import { expect, it } from 'vitest';
import { DeckSet, deckId, deckPath } from './decks.js';

it('puts breadcrumb entries under the root levels, `::` in an entry staying one level', () => {
  expect(deckPath('面经', ['C++::STL', ' 容器 '])).toEqual(['面经', 'C++：：STL', '容器']);
  expect(deckPath('学习::面经', ['a'])).toEqual(['学习', '面经', 'a']);
  expect(deckPath('', ['a'])).toEqual(['a']);
});

it('registers every level with an id derived from its name', () => {
  const decks = new DeckSet();
  expect(decks.add(['面经', 'a', 'b'])).toBe(deckId('面经::a::b'));
  decks.add(['面经', 'c']);
  expect(decks.size).toBe(4);
  const json = decks.toJson(5) as Record<string, { name: string; mod: number }>;
  expect(Object.values(json).map((d) => d.name)).toEqual(['Default', '面经', '面经::a', '面经::a::b', '面经::c']);
  expect(json[deckId('面经::a')]).toMatchObject({ name: '面经::a', mod: 5, dyn: 0, conf: 1 });
  expect(Number.isSafeInteger(deckId('面经::a'))).toBe(true);
});

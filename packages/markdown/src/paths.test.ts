import { expect, it } from 'vitest';
import { isWithin, resolveInContent } from './paths.js';

it.each([
  ['img/a.png', 'cnn/img/a.png'],
  ['./img/a.png', 'cnn/img/a.png'],
  ['../shared/a.png', 'shared/a.png'],
  ['img/%E5%9B%BE.png', 'cnn/img/图.png'],
  ['img/a.png?v=1#x', 'cnn/img/a.png'],
  ['img\\a.png', 'cnn/img/a.png'],
  ['img/%zz.png', 'cnn/img/%zz.png'],
])('resolves %j against the note', (src, path) => {
  expect(resolveInContent('cnn/note.md', src)).toBe(path);
});

it.each([
  '../../a.png',
  'img/../../../a.png',
  '%2e%2e/%2e%2e/a.png',
  '..\\..\\a.png',
  '/etc/passwd',
  '\\\\server\\share\\a.png',
  '//evil.example/a.png',
  'file:///etc/passwd',
  'C:/Windows/a.png',
  'data:image/png;base64,AAAA',
  'javascript:alert(1)',
])('refuses %j, which leaves the content directory', (src) => {
  expect(resolveInContent('cnn/note.md', src)).toBeNull();
});

it('counts the root itself and what is under it as within, and nothing else', () => {
  expect(isWithin('/notes', '/notes')).toBe(true);
  expect(isWithin('/notes', '/notes/a/b.md')).toBe(true);
  expect(isWithin('/notes', '/notes-old/a.md')).toBe(false);
  expect(isWithin('/notes', '/')).toBe(false);
  expect(isWithin('/notes/a', '/notes')).toBe(false);
  expect(isWithin('/notes', '/notes/../etc')).toBe(false);
  expect(isWithin('/notes', '/notes/..hidden')).toBe(true);
});

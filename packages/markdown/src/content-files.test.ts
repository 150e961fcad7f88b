import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentImages } from './content-files.js';

let outer: string;
let notes: string;

beforeAll(() => {
  outer = mkdtempSync(join(tmpdir(), 'mianjing-images-'));
  notes = join(outer, 'notes');
  mkdirSync(join(notes, 'cnn', 'img', 'folder.png'), { recursive: true });
  writeFileSync(join(notes, 'cnn', 'img', 'a.PNG'), 'abc');
  writeFileSync(join(notes, 'cnn', 'img', 'notes.pdf'), '%PDF');
  writeFileSync(join(outer, 'secret.png'), 'secret');
  symlinkSync(join(outer, 'secret.png'), join(notes, 'cnn', 'img', 'link.png'));
  symlinkSync(join(notes, 'cnn', 'img', 'a.PNG'), join(notes, 'cnn', 'img', 'inside.png'));
});

afterAll(() => rmSync(outer, { recursive: true, force: true }));

const ruleOf = (found: object) => ('ruleId' in found ? found.ruleId : 'found');

describe('ContentImages', () => {
  it('reads an image inside the notes folder, with its SHA-1 and lower-case extension', () => {
    const found = new ContentImages(notes).image('cnn/note.md', './img/a.PNG');
    // SHA-1 of "abc", from FIPS 180-2's first example.
    expect(found).toEqual({ path: 'cnn/img/a.PNG', extension: '.png', data: new Uint8Array(Buffer.from('abc')), sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d' });
  });

  it('follows a symlink that stays inside the notes folder', () => {
    expect(ruleOf(new ContentImages(notes).image('cnn/note.md', 'img/inside.png'))).toBe('found');
  });

  it.each([
    ['../../secret.png', 'image-outside-content'],
    ['/etc/passwd', 'image-outside-content'],
    ['img/link.png', 'image-outside-content'],
    ['img/missing.png', 'image-not-found'],
    ['img/folder.png', 'image-not-found'],
    ['img/notes.pdf', 'image-type'],
  ])('refuses %j: %s', (src, ruleId) => {
    const found = new ContentImages(notes).image('cnn/note.md', src);
    expect(ruleOf(found)).toBe(ruleId);
    expect((found as { message: string }).message).toContain(`\`${src}\``);
    expect((found as { message: string }).message).toMatch(/showing its alt text$/);
  });

  it('reads nothing without a notes folder, but still refuses paths that leave it', () => {
    const images = new ContentImages(undefined);
    expect(ruleOf(images.image('cnn/note.md', 'img/a.PNG'))).toBe('image-not-embedded');
    expect(ruleOf(images.image('cnn/note.md', '../../secret.png'))).toBe('image-outside-content');
  });

  it('reads each file once, however many answers show it', () => {
    const images = new ContentImages(notes);
    const first = images.image('cnn/note.md', 'img/a.PNG');
    writeFileSync(join(notes, 'cnn', 'img', 'a.PNG'), 'changed');
    try {
      expect(images.image('cnn/other.md', './img/a.PNG')).toBe(first);
      expect(new ContentImages(notes).image('cnn/note.md', 'img/a.PNG')).not.toEqual(first);
    } finally {
      writeFileSync(join(notes, 'cnn', 'img', 'a.PNG'), 'abc');
    }
  });
});

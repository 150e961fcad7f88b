import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentImages } from './content-images.js';

let outer: string;
let notes: string;

beforeAll(() => {
  outer = mkdtempSync(join(tmpdir(), 'mianjing-images-'));
  notes = join(outer, 'notes');
  mkdirSync(join(notes, 'cnn', 'img', 'folder.png'), { recursive: true });
  writeFileSync(join(notes, 'cnn', 'img', 'a.PNG'), 'abc');
  writeFileSync(join(notes, 'cnn', 'img', 'notes.pdf'), '%PDF');
  writeFileSync(join(notes, 'cnn', 'img', 'README'), 'text');
  symlinkSync(notes, join(notes, 'cnn', 'img', 'root.png'));
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

  const TYPES = '.png, .jpg, .jpeg, .gif, .webp, .avif, .svg, .bmp';
  it.each([
    ['../../secret.png', 'image-outside-content', 'Unexpected image `../../secret.png`, expected a file inside the notes folder; showing its alt text'],
    ['/etc/passwd', 'image-outside-content', 'Unexpected image `/etc/passwd`, expected a file inside the notes folder; showing its alt text'],
    ['img/link.png', 'image-outside-content', 'Unexpected image `img/link.png` linking outside the notes folder, expected a file inside it; showing its alt text'],
    ['img/root.png', 'image-outside-content', 'Unexpected image `img/root.png` linking outside the notes folder, expected a file inside it; showing its alt text'],
    ['img/missing.png', 'image-not-found', 'Cannot find image `img/missing.png` (`cnn/img/missing.png` in the notes folder); showing its alt text'],
    ['img/folder.png', 'image-not-found', 'Cannot find image `img/folder.png` (`cnn/img/folder.png` in the notes folder); showing its alt text'],
    ['img/notes.pdf', 'image-type', `Unexpected image \`img/notes.pdf\` of type \`.pdf\`, expected one of ${TYPES}; showing its alt text`],
    ['img/README', 'image-type', `Unexpected image \`img/README\` of type \`none\`, expected one of ${TYPES}; showing its alt text`],
  ])('refuses %j: %s', (src, ruleId, message) => {
    expect(new ContentImages(notes).image('cnn/note.md', src)).toEqual({ ruleId, message });
  });

  it('finds nothing in a notes folder that does not exist', () => {
    expect(new ContentImages(join(outer, 'gone')).image('cnn/note.md', 'img/a.PNG')).toEqual({
      ruleId: 'image-not-found',
      message: 'Cannot find image `img/a.PNG` (`cnn/img/a.PNG` in the notes folder); showing its alt text',
    });
  });

  it('reads nothing without a notes folder, but still refuses paths that leave it', () => {
    const images = new ContentImages(undefined);
    expect(images.image('cnn/note.md', 'img/a.PNG')).toEqual({
      ruleId: 'image-not-embedded',
      message: 'Cannot read image `img/a.PNG` without the notes folder the dataset was built from; showing its alt text',
    });
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

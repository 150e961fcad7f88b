import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { ContentImages } from './content-images.js';

// A read that fails after the file was found (a disk error, a file made unreadable): the tests run as root, which
// reads any file, so the failure is injected for one file name.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: unknown, ...rest: unknown[]) => {
    if (String(path).endsWith('broken.png')) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    return (fs.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});

const notes = mkdtempSync(join(tmpdir(), 'mianjing-images-'));
mkdirSync(join(notes, 'cnn', 'img'), { recursive: true });
writeFileSync(join(notes, 'cnn', 'img', 'broken.png'), 'png');
writeFileSync(join(notes, 'cnn', 'img', 'fine.png'), 'png');
afterAll(() => rmSync(notes, { recursive: true, force: true }));

it('shows the alt text of an image it finds but cannot read, saying why, and still reads the others', () => {
  const images = new ContentImages(notes);
  expect(images.image('cnn/note.md', 'img/broken.png')).toEqual({ ruleId: 'image-not-found', message: 'Cannot read image `img/broken.png`: EIO; showing its alt text' });
  expect(images.image('cnn/note.md', 'img/fine.png')).toMatchObject({ path: 'cnn/img/fine.png', extension: '.png' });
});

import { expect, it } from 'vitest';
import { renderForCard, renderKey, textToHtml } from './html.js';

it('escapes text and template syntax for fields', () => {
  expect(textToHtml('a < b & "c" {{c1::x}} }}}')).toBe('a &lt; b &amp; &quot;c&quot; &#123;&#123;c1::x&#125;&#125; &#125;&#125;}');
});

it('renders card HTML with template syntax escaped and question links as their text', () => {
  expect(renderForCard('{{c1::x}} 见[卷积](#cnn/conv-essence)').html).toBe('<p>&#123;&#123;c1::x&#125;&#125; 见<span class="question-link">卷积</span></p>');
});

it('keys a rendering by the Markdown', () => {
  expect(renderKey('a')).toBe(renderKey('a'));
  expect(renderKey('a')).not.toBe(renderKey('a '));
  expect(renderKey('a')).toMatch(/^[\w-]{43}$/);
});

// On every page: the theme toggle and the `/` shortcut to the search box.

const KEY = 'mj-theme';
type Theme = 'light' | 'dark';

const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function current(): Theme {
  const chosen = root.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}

function label(button: HTMLButtonElement): void {
  const dark = current() === 'dark';
  button.textContent = dark ? '☀ 浅色' : '☾ 深色';
  button.setAttribute('aria-label', dark ? '切换到浅色主题' : '切换到深色主题');
}

const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');
if (toggle) {
  label(toggle);
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage can be off (private windows): the choice then lasts for this page.
    }
    label(toggle);
  });
  systemDark.addEventListener('change', () => label(toggle));
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector<HTMLInputElement>('#q, #site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

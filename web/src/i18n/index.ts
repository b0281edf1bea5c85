// A tiny typed i18n: two flat catalogues, `{name}` placeholders, a reactive
// language. Lighter than vue-i18n and needs no runtime message compiler.
import { ref } from 'vue';
import { fr, type MessageKey, type Messages } from './fr';
import { en } from './en';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const catalogues: Record<Lang, Messages> = { fr, en };
export type { MessageKey, Messages };

const STORAGE_KEY = 'lien.lang';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function initialLang(): Lang {
  const saved = storage()?.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'fr' ? saved : 'fr';
}

export const lang = ref<Lang>(initialLang());

export function setLang(next: Lang): void {
  lang.value = next;
  storage()?.setItem(STORAGE_KEY, next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Translate `key` in the current language (reactive when used in a template or computed). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogues[lang.value][key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, key);
}

/** Date and time in the current language, for lists and tables. */
export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(lang.value === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(epochMs));
}

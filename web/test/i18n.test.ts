import { describe, expect, it } from 'vitest';
import { catalogues, format, LANGS } from '../src/i18n';
import { ROLES } from '../src/api';
import { MODULES } from '../src/modules';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  const fr = catalogues.fr;
  const en = catalogues.en;

  it('has every key in both French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('has no empty message and the same placeholders in both languages', () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(catalogues[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it('names every role and every module, with a description', () => {
    for (const role of ROLES) expect(fr).toHaveProperty([`role.${role}`]);
    for (const id of Object.keys(MODULES)) {
      expect(fr).toHaveProperty([`module.${id}`]);
      expect(fr).toHaveProperty([`module.${id}.desc`]);
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('Bonjour, {name} ({x})', { name: 'Marie' })).toBe('Bonjour, Marie ({x})');
  });
});

import { describe, expect, it } from 'vitest';
import { draftFromPerson, normalizePersonField, personJson, personPatch, reapply } from '../src/personDraft';
import type { Person } from '../src/register';

const PERSON: Person = {
  id: 7,
  version: 3,
  civility: 'mme',
  last_name: 'Lefèvre',
  birth_name: '',
  first_names: 'Jeanne',
  birth_date: '1941-03-12',
  address: { number: '12', street: 'rue Victor Hugo', postcode: '62400', town: 'Béthune', latitude: null, longitude: null },
  phones: [{ number: '+33321016310', display: '03 21 01 63 10', label: 'fixe' }],
  email: '',
  languages: ['fr'],
  hearing: 'none',
  status: 'active',
  status_until: null,
};

describe('person drafts', () => {
  it('sends only the groups the person carries', () => {
    const { status, phones, address, ...identityOnly } = PERSON;
    void status;
    void phones;
    void address;
    const body = personJson(draftFromPerson({ ...identityOnly, email: undefined, languages: undefined, hearing: undefined }));
    expect(Object.keys(body).sort()).toEqual(['birth_date', 'birth_name', 'civility', 'first_names', 'last_name']);
    expect(Object.keys(personJson(draftFromPerson(PERSON)))).toContain('status');
  });

  it('patches the changed top-level fields only, an address whole', () => {
    const before = draftFromPerson(PERSON);
    const after = draftFromPerson(PERSON);
    expect(personPatch(before, after)).toEqual({});
    after.address.floor = '3e';
    after.first_names = 'Jeanne Marie';
    const patch = personPatch(before, after);
    expect(Object.keys(patch).sort()).toEqual(['address', 'first_names']);
    expect((patch.address as Record<string, string>).floor).toBe('3e');
    expect((patch.address as Record<string, string>).street).toBe('rue Victor Hugo');
  });

  it('drops empty phones and splits languages', () => {
    const d = draftFromPerson(PERSON);
    d.phones.push({ number: '  ', label: 'vide' });
    d.languages = 'fr, AR ;pt';
    const body = personJson(d);
    expect(body.phones).toEqual([{ number: '03 21 01 63 10', label: 'fixe' }]);
    expect(body.languages).toEqual(['fr', 'ar', 'pt']);
  });

  it('reapplies the user’s fields on the current record', () => {
    const mine = draftFromPerson(PERSON);
    mine.address.floor = '3e';
    const current = draftFromPerson({ ...PERSON, version: 4, first_names: 'Jeanne Louise' });
    reapply(current, mine, ['address']);
    expect(current.address.floor).toBe('3e');
    expect(current.first_names).toBe('Jeanne Louise');
  });

  it('maps the server’s field names onto the form', () => {
    expect(normalizePersonField('phones[1]')).toBe('phones.1');
    expect(normalizePersonField('phones[0].number')).toBe('phones.0');
    expect(normalizePersonField('phones')).toBe('phones.0');
    expect(normalizePersonField('address.postcode')).toBe('postcode');
    expect(normalizePersonField('last_name')).toBe('last_name');
  });
});

import { describe, expect, it } from 'vitest';
import { listHref, pageParam, searchParam } from './query-params.js';

describe('pageParam', () => {
  it('reads a page number', () => {
    expect(pageParam('1')).toBe(1);
    expect(pageParam('7')).toBe(7);
    expect(pageParam(3)).toBe(3);
  });

  it('takes anything odd as page 1', () => {
    for (const odd of [undefined, null, '', 'abc', '0', '-3', '2.5', '100001', '1e9', ['2', '3'], {}]) {
      expect(pageParam(odd)).toBe(1);
    }
  });
});

describe('searchParam', () => {
  it('trims the text and keeps at most 100 characters', () => {
    expect(searchParam('  Bakker ')).toBe('Bakker');
    expect(searchParam('x'.repeat(150))).toHaveLength(100);
  });

  it('is empty for anything that is not one text', () => {
    expect(searchParam(undefined)).toBe('');
    expect(searchParam(['a', 'b'])).toBe('');
  });
});

describe('listHref', () => {
  it('leaves out the first page and empty values', () => {
    expect(listHref('/consulent', 1)).toBe('/consulent');
    expect(listHref('/consulent', 1, { zoek: '', categorie: null, x: undefined })).toBe('/consulent');
    expect(listHref('/consulent/verlopen', 2)).toBe('/consulent/verlopen?pagina=2');
  });

  it('keeps the search, repeated values included, before the page', () => {
    expect(listHref('/beheer/werkgevers', 3, { naam: 'Groen & Co', categorie: 'preferred' })).toBe(
      '/beheer/werkgevers?naam=Groen+%26+Co&categorie=preferred&pagina=3',
    );
    expect(listHref('/vacatures', 2, { hulp: ['jobcoach', 'werkplek'], zoek: 'tuin' })).toBe(
      '/vacatures?hulp=jobcoach&hulp=werkplek&zoek=tuin&pagina=2',
    );
  });
});

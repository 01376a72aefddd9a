import { describe, expect, it } from 'vitest';
import { pathInText } from '../../shared/taxonomy';

describe('path labels in running text', () => {
  it('lower-cases words but keeps acronyms ("via MBA", not "via mba")', () => {
    expect(pathInText('mba')).toBe('MBA');
    expect(pathInText('apm-program')).toBe('associate PM program');
    expect(pathInText('technical-pm')).toBe('technical PM or platform PM');
    expect(pathInText('internal-transfer')).toBe('internal transfer at a larger company');
  });
});

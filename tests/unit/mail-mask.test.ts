import { describe, expect, it } from 'vitest';
import { maskAddress, maskAddressesIn } from '../../server/mail/admin';

describe('masking addresses on the admin email page', () => {
  it('keeps the first character and the domain', () => {
    expect(maskAddress('maya.asker@example.com')).toBe('m***@example.com');
    expect(maskAddress('m@example.com')).toBe('m***@example.com');
    expect(maskAddress('ünïcode@example.com')).toBe('ü***@example.com');
    expect(maskAddress('not-an-address')).toBe('***');
  });
  it('masks every address an SMTP server quotes in its reason', () => {
    expect(maskAddressesIn('550 5.1.1 <maya@example.com>: no such user (maya@example.com)')).toBe(
      '550 5.1.1 <m***@example.com>: no such user (m***@example.com)',
    );
    expect(maskAddressesIn('421 try again later')).toBe('421 try again later');
  });
});

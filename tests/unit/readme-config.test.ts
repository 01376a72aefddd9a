import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../server/config';

// The README's configuration table is where an operator learns a setting exists: every key
// the server reads must be in it (a renamed key may be documented under its new name's row).
describe('README configuration table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
  // A row's first cell names one setting or several that go together ("`A` / `B`").
  const firstCell = (line: string) => line.split('|')[1] ?? '';
  const documented = new Set(
    rows.flatMap((line) => [...firstCell(line).matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])),
  );
  const renamed: Record<string, string> = {
    RATE_LIMIT_SIGNIN_PER_ACCOUNT: 'RATE_LIMIT_SIGNIN_PER_LOGIN',
  };

  it.each(Object.keys(configSchema.shape))('documents %s', (key) => {
    const row = renamed[key] ?? key;
    expect(documented.has(row), `no README row for ${row}`).toBe(true);
    if (renamed[key])
      expect(rows.find((l) => firstCell(l).includes(`\`${row}\``))).toContain(
        key.replace(/^.*_/, '_'),
      );
  });
});

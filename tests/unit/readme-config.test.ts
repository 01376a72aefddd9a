import { readdirSync, readFileSync } from 'node:fs';
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

  // Settings read straight from the environment outside config.ts (a script's knob).
  const serverDir = new URL('../../server/', import.meta.url);
  const direct = (readdirSync(serverDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && f !== 'config.ts')
    .flatMap((f) => [
      ...readFileSync(new URL(f, serverDir), 'utf8').matchAll(/process\.env\.([A-Z0-9_]+)/g),
    ])
    .map((m) => m[1]!);

  it('finds the settings read outside config.ts', () => {
    expect(direct).toContain('HN_IMPORT_RENDER_WORKERS');
  });

  it.each([...new Set(direct)])('documents %s, read outside config.ts', (key) => {
    expect(documented.has(key), `no README row for ${key}`).toBe(true);
  });

  it.each(Object.keys(configSchema.shape))('documents %s', (key) => {
    const row = renamed[key] ?? key;
    expect(documented.has(row), `no README row for ${row}`).toBe(true);
    if (renamed[key])
      expect(rows.find((l) => firstCell(l).includes(`\`${row}\``))).toContain(
        key.replace(/^.*_/, '_'),
      );
  });
});

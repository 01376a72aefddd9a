import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => !!p);

export const chromiumPath = candidates.find((p) => existsSync(p));

// Flags that work on our sandboxed, offline machines (see ../shared/ENGINEERING.md).
const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` for browser tests. Without Chromium they are skipped with one loud line,
 * unless E2E_REQUIRED=1 (CI), which makes the missing browser a failure.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (!chromiumPath) {
    if (process.env.E2E_REQUIRED === '1') {
      describe(name, () => {
        throw new Error('E2E_REQUIRED=1 but no Chromium found: apt-get install -y chromium');
      });
      return;
    }
    console.warn(
      `\n!!! SKIPPING browser tests "${name}": no Chromium found. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)\n`,
    );
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

let shared: Promise<Browser> | undefined;

/** One Chromium per test file, closed after it. */
export function browser(): Promise<Browser> {
  if (!shared) {
    shared = chromium.launch({ executablePath: chromiumPath, args: launchArgs, headless: true });
    afterAll(async () => (await shared)?.close());
  }
  return shared;
}

export async function newPage(
  width = 1280,
  height = 900,
  /** e.g. { timezoneId: 'Asia/Kathmandu' } for what the browser reports as its zone. */
  contextOptions: { timezoneId?: string; locale?: string } = {},
): Promise<Page> {
  const context = await (
    await browser()
  ).newContext({
    viewport: { width, height },
    ...contextOptions,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  (page as Page & { jsErrors: string[] }).jsErrors = errors;
  return page;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page and fails on serious or critical violations. It is evaluated
 * through the DevTools protocol, so the page's strict CSP (no inline script) stays on.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

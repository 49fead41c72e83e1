import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { post, tokenFor, uniqueUser } from './support/clients';
import { GATEWAY_URL, MAX_EXPOSURE_USD, ROOT } from './support/stack-env';

/**
 * The dashboard in real Chromium (Debian's package, driven by playwright-core) against the real stack: the page
 * the gateway serves shows a trade posted to ingestion and the alert it raises, and acknowledges the alert.
 * Polygon's WPOL is priced here and by no other suite; the trade pays with Polygon DAI, which stays unpriced.
 */
const WPOL = '0x0d500b1d8e8ef31e21c99d1db9a6444d3adf1270';
const POLYGON_DAI = '0x8f3cf7ad23cd3cadbd9735aff958023239c6a063';
const WPOL_USD = '0.5';

const polygonTrade = (userId: string, tradeId: string, wpol: bigint) => ({
  tradeId,
  userId,
  chainId: 137,
  dex: 'uniswap-v3',
  tokenIn: POLYGON_DAI,
  tokenOut: WPOL,
  amountIn: (wpol * 10n ** 18n / 2n).toString(),
  amountOut: (wpol * 10n ** 18n).toString(),
  timestamp: Date.now(),
});

/**
 * Navigation start → the dashboard's first render with all its data (the app's own `dashboard-ready` mark), and
 * what the page waited for: the script bundle and each REST read (their own durations, from Resource Timing).
 */
const firstRender = (page: Page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 400 && performance.getEntriesByName('dashboard-ready').length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    const ready = performance.getEntriesByName('dashboard-ready')[0]?.startTime ?? NaN;
    const parts = (performance.getEntriesByType('resource') as Array<{ name: string; startTime: number; duration: number }>)
      .filter((r) => r.startTime < ready && (r.name.includes('/v1/') || r.name.endsWith('.js')))
      .map((r) => `${new URL(r.name).pathname.replace(/^.*\/(v1\/users\/[^/]+\/|assets\/)/, '')} ${r.duration.toFixed(0)}`);
    return `${ready.toFixed(0)} ms (${parts.join(', ')})`;
  });

describe('dashboard in Chromium', () => {
  let browser: Browser;
  const figures: string[] = [];

  beforeAll(async () => {
    const executablePath = execFileSync('bash', ['tools/infra/ensure-chromium.sh'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // --no-sandbox: the test may run as root (CI containers), where Chromium's sandbox refuses to start.
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (figures.length) process.stdout.write(`\ndashboard first render with data (target ≤ 1000 ms): ${figures.join('; ')}\n`);
  });

  it('answers the login page, and 404 for a demo token this gateway does not offer', async () => {
    const page = await browser.newPage();
    await page.goto(`${GATEWAY_URL}/dashboard`);
    expect(page.url()).toBe(`${GATEWAY_URL}/dashboard/`);
    await page.getByRole('button', { name: 'Use the demo token' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('GATEWAY_DEMO_USER is not set');
    await page.close();
  });

  it('shows a trade posted to ingestion, then the alert it raises, and acknowledges it', async () => {
    const userId = uniqueUser('dash');
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${GATEWAY_URL}/dashboard/`);
    await page.locator('textarea[name=token]').fill(tokenFor(userId));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.dashboard[data-loaded=true][data-connection=connected]').waitFor();
    await expect(page.getByTestId('user').textContent()).resolves.toBe(userId);
    await expect(page.getByTestId('positions').textContent()).resolves.toContain('No open positions');

    expect((await post('/v1/prices', { chainId: 137, token: WPOL, priceUsd: WPOL_USD, timestamp: Date.now(), source: 'e2e-dashboard' })).status).toBe(202);
    const small = polygonTrade(userId, `${userId}-small`, 1_000n); // 1,000 WPOL = 500 USD
    expect((await post('/v1/trades', small)).status).toBe(202);

    // Live over the socket: the position appears, and the trade list (re-read on the update) names the trade.
    await page.locator(`[data-testid=positions] tr[data-token="${WPOL}"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(`[data-testid=positions] tr[data-token="${WPOL}"]`).textContent()).resolves.toContain('WPOL');
    await page.locator(`[data-testid=trades] tr[data-trade-id="${small.tradeId}"]`).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('gross-exposure').textContent()).resolves.toBe('500.00 USD');
    await page.locator('[data-testid=trading-state][data-state=ACTIVE]').waitFor({ timeout: 30_000 });

    // Over the limit: 300,000 WPOL more = 150,500 USD gross, above MAX_EXPOSURE_USD.
    const big = polygonTrade(userId, `${userId}-big`, 300_000n);
    expect((await post('/v1/trades', big)).status).toBe(202);
    const alert = page.locator('[data-testid=alerts] li[data-rule=max-exposure]');
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toContain(`exceeds the limit of ${MAX_EXPOSURE_USD}.00 USD`);
    await expect(page.getByTestId('gross-exposure').textContent()).resolves.toBe('150,500.00 USD');
    await page.locator('[data-testid=trading-state][data-state=REDUCING]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=rules] tr[data-rule=max-exposure][data-level=breach]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=equity-chart] canvas').count()).toBeGreaterThan(0);

    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('[data-testid=alerts] li[data-rule=max-exposure][data-state=acknowledged]').waitFor({ timeout: 30_000 });

    // A fresh page with the token in the fragment: everything comes from the REST reads, the alert included. The
    // first in a new browser context (nothing cached), then once more (the bundle cached, as on a revisit).
    const context = await browser.newContext();
    const reopened = await context.newPage();
    await reopened.goto(`${GATEWAY_URL}/dashboard/#token=${tokenFor(userId)}`);
    await reopened.locator('.dashboard[data-loaded=true]').waitFor();
    figures.push(`cold ${await firstRender(reopened)}`);
    const again = await context.newPage();
    await again.goto(`${GATEWAY_URL}/dashboard/#token=${tokenFor(userId)}`);
    await again.locator('.dashboard[data-loaded=true]').waitFor();
    figures.push(`cached ${await firstRender(again)}`);
    await again.close();
    await expect(reopened.getByTestId('gross-exposure').textContent()).resolves.toBe('150,500.00 USD');
    await reopened.locator('[data-testid=alerts] li[data-rule=max-exposure][data-state=acknowledged]').waitFor();
    expect(Number(await reopened.locator('[data-testid=equity-chart] .chart').getAttribute('data-points'))).toBeGreaterThan(0);
    expect(reopened.url()).toBe(`${GATEWAY_URL}/dashboard/`); // the token left the address bar
    expect(pageErrors).toEqual([]);
    await context.close();
    await page.close();
  });
});

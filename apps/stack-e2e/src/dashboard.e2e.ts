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

/** Milliseconds from navigation start to the dashboard's first render with its data (the app's own mark). */
const firstRenderMs = (page: Page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 200 && performance.getEntriesByName('dashboard-ready').length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    return performance.getEntriesByName('dashboard-ready')[0]?.startTime ?? null;
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
    if (figures.length) process.stdout.write(`\ndashboard first render (target ≤ 1000 ms): ${figures.join(', ')}\n`);
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
    figures.push(`${(await firstRenderMs(page))?.toFixed(0)} ms (empty user, login form first)`);

    // A fresh page with the token in the fragment: everything comes from the REST reads, the alert included.
    const reopened = await browser.newPage();
    await reopened.goto(`${GATEWAY_URL}/dashboard/#token=${tokenFor(userId)}`);
    await reopened.locator('.dashboard[data-loaded=true]').waitFor();
    figures.push(`${(await firstRenderMs(reopened))?.toFixed(0)} ms (user with data, token in the URL)`);
    await expect(reopened.getByTestId('gross-exposure').textContent()).resolves.toBe('150,500.00 USD');
    await reopened.locator('[data-testid=alerts] li[data-rule=max-exposure][data-state=acknowledged]').waitFor();
    expect(Number(await reopened.locator('[data-testid=equity-chart] .chart').getAttribute('data-points'))).toBeGreaterThan(0);
    expect(reopened.url()).toBe(`${GATEWAY_URL}/dashboard/`); // the token left the address bar
    expect(pageErrors).toEqual([]);
    await reopened.close();
    await page.close();
  });
});

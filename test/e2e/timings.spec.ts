import type { Page } from '@playwright/test';
import { expect, tabCount, test } from './fixtures.js';

// A larger database, and no Playwright trace: its DOM snapshots and screencast frames would
// be timed with the page (they took the scrolling from 60 to about 50 fps here).
// `CHUMON_TIMINGS_DATA=/tmp/chumon-bench/large-1000000 npx playwright test --project timings --no-deps`
// runs it alone on a copy of the bench's 1M database (in the suite it runs after every other test).
test.use({ seedOrders: 20_000, trace: 'off', copyFrom: process.env.CHUMON_TIMINGS_DATA });

const grid = (page: Page) => page.getByRole('grid').first();
const cell = (page: Page, row: number, col: string) =>
  page.locator(`[role=row][row-index="${row}"] [role=gridcell][col-id=${col}]`);
const selected = (page: Page) => page.locator('.selected-count');

/**
 * The figures are reported, not counted as passed tests (`npm test` prints them apart,
 * scripts/test.mjs): on a shared 2-core machine they move tenfold with its load (1.2 s and
 * 7 fps were seen at a load average of 18). What fails the run is a collapse, far past the
 * targets (tab switch < 200 ms, scrolling 60 fps).
 */
const TAB_SWITCH_GUARD_MS = 3000;
const SCROLL_GUARD_FPS = 3;

test.describe('timings on a larger database (reported apart; guards against a collapse)', () => {
  test('tab switch and F5 to first rows painted', async ({ page, chumon }) => {
    await page.goto(chumon.url);
    const newCount = await tabCount(page, '新規');
    await expect(cell(page, 0, 'orderNo')).toBeVisible();
    const timings: string[] = [];
    const report = (line: string) => {
      timings.push(line);
      test.info().annotations.push({ type: 'timing', description: line });
    };
    const paint = async (label: string, act: () => Promise<void>, firstRow: () => Promise<void>) => {
      const start = Date.now();
      await act();
      await firstRow();
      report(`${label}: ${Date.now() - start} ms`);
    };
    // Timed inside the page, from the click to the first frame whose DOM holds the new list's
    // first row (Playwright's own polling would add its retry intervals): a tab by its label,
    // or the F5 dialog's 検索 button, whose list is shown once the title names the result.
    const clickToRows = (target: { tab: string } | { search: true }) =>
      page.evaluate(async (to) => {
        const clicked =
          'tab' in to
            ? [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((t) => t.textContent?.startsWith(to.tab))!
            : [...document.querySelectorAll<HTMLElement>('[role=dialog] button')].find(
                (b) => b.textContent?.trim() === '検索',
              )!;
        const shown = () =>
          'tab' in to
            ? clicked.getAttribute('aria-selected') === 'true'
            : /検索結果/.test(document.querySelector('[data-testid=list-title]')?.textContent ?? '');
        const start = performance.now();
        clicked.click();
        return new Promise<number>((resolve) => {
          // Never painted: reported as such (the guard fails) instead of the test timing out.
          setTimeout(() => resolve(Number.POSITIVE_INFINITY), 20_000);
          const check = () => {
            const panel = document.getElementById('order-panel');
            const painted =
              panel?.getAttribute('aria-busy') === 'false' &&
              panel.querySelector('[role=row][row-index="0"] [col-id=orderNo]')?.textContent;
            if (shown() && painted) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
      }, target);
    const tabPaint = (name: string) => clickToRows({ tab: name });
    const shippedTab = await tabPaint('出荷済');
    report(`出荷済 tab → first rows painted: ${shippedTab.toFixed(0)} ms`);
    expect(shippedTab).toBeLessThan(TAB_SWITCH_GUARD_MS);
    // Scrolling: the grid scrolled by three rows every frame for 3 s, rows fetched in blocks
    // of 100 as they come into view; frame times as the page saw them.
    const scroll = async (label: string) => {
      const seen = await page.evaluate(async () => {
        // The grid's vertical scroller (found by what it does: AG Grid 36 renames its classes).
        const viewport = [...document.querySelectorAll<HTMLElement>('#order-panel *')].find(
          (el) =>
            el.scrollHeight > el.clientHeight + 1000 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowY),
        )!;
        const frames: number[] = [];
        await new Promise<void>((resolve) => {
          let last = performance.now();
          let running = true;
          const step = () => {
            const now = performance.now();
            frames.push(now - last);
            last = now;
            viewport.scrollTop += 90;
            if (running) requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
          setTimeout(() => {
            running = false;
            resolve();
          }, 3000);
        });
        frames.sort((a, b) => a - b);
        return {
          background: getComputedStyle(viewport).backgroundColor,
          fps: frames.length / 3,
          p95: frames[Math.floor(frames.length * 0.95)]!,
          rows: Math.round(viewport.scrollTop / 30),
        };
      });
      report(
        `scrolling ${label} for 3 s: ${seen.fps.toFixed(0)} fps, 95th percentile frame ${seen.p95.toFixed(1)} ms, ${seen.rows.toLocaleString()} rows passed`,
      );
      expect(seen.fps).toBeGreaterThan(SCROLL_GUARD_FPS);
      // A transparent scroller is drawn again whole every frame it moves (twice the drawing
      // work of an opaque one in a trace of this scroll: styles.css, `.ag-grid-viewport`).
      expect(seen.background).toBe('rgb(255, 255, 255)');
    };
    await scroll('出荷済');
    const newTab = await tabPaint('新規');
    report(`新規 tab (${newCount.toLocaleString()} orders) → first rows painted: ${newTab.toFixed(0)} ms`);
    expect(newTab).toBeLessThan(TAB_SWITCH_GUARD_MS);
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(newCount + 1));
    await scroll('新規');
    // Ten switches in a row (a clerk going back and forth): the median and the slowest. A
    // single switch moves with whatever else the machine and the app are doing (the S3 purge
    // of a copied database's backlog runs on the service's thread meanwhile).
    const switches: number[] = [];
    for (let i = 0; i < 10; i++) {
      switches.push(await tabPaint(i % 2 === 0 ? '出荷済' : '新規'));
      await page.waitForTimeout(300);
    }
    switches.sort((a, b) => a - b);
    report(
      `10 tab switches 出荷済⇄新規 → first rows painted: median ${((switches[4]! + switches[5]!) / 2).toFixed(0)} ms, slowest ${switches[9]!.toFixed(0)} ms`,
    );
    expect(switches[9]).toBeLessThan(TAB_SWITCH_GUARD_MS);
    await page.keyboard.press('F5');
    const dialog = page.getByRole('dialog', { name: '注文検索' });
    await dialog.getByLabel('購入者名・カナ').fill('やまだ');
    // The search list shows three columns the tabs hide. AG Grid animates columns moving aside
    // for them (every cell's position eased over 0.2 s), whose style work held the rows' first
    // paint back by about 100 ms (OrderGrid: suppressColumnMoveAnimation); watched here.
    await page.evaluate(() => {
      const seen = window as unknown as { columnsAnimated: boolean };
      seen.columnsAnimated = false;
      new MutationObserver((changes) => {
        if (changes.some((c) => (c.target as Element).classList.contains('ag-column-moving')))
          seen.columnsAnimated = true;
      }).observe(document.body, { subtree: true, attributeFilter: ['class'] });
    });
    const searched = await clickToRows({ search: true });
    report(`F5「やまだ」→ first rows painted: ${searched.toFixed(0)} ms`);
    expect(searched).toBeLessThan(TAB_SWITCH_GUARD_MS);
    expect(await page.evaluate(() => (window as unknown as { columnsAnimated: boolean }).columnsAnimated)).toBe(false);
    await expect(page.getByTestId('list-title')).toHaveText(/検索結果: [\d,]+件/);
    await paint(
      'F2 select-all of the search result',
      () => page.keyboard.press('F2'),
      () => expect(selected(page)).not.toHaveText('検索結果：0件選択中'),
    );
    console.log(
      `[timings, ${chumon.query<{ n: number }>('SELECT count(*) AS n FROM orders')[0]!.n.toLocaleString()} orders] ${timings.join(' / ')}`,
    );
  });
});

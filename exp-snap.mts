import Database from 'better-sqlite3';
import { importedValuesSql } from './src-main/imports/merge.js';
const db = new Database('/tmp/chumon-bench/large-1000000/chumon.sqlite', { readonly: true });
const expr = importedValuesSql('o');
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const r = db.prepare(`SELECT sum(length(${expr})) AS n FROM orders o WHERE o.id BETWEEN 500000 AND 549999`).get();
  console.log('json build', (performance.now() - t).toFixed(0), 'ms', r);
  t = performance.now();
  const r2 = db.prepare(`SELECT count(*), sum(length(o.order_no)) FROM orders o WHERE o.id BETWEEN 500000 AND 549999`).get();
  console.log('read only', (performance.now() - t).toFixed(0), 'ms', r2);
}

/** The screen shows dates as the printed documents do: one formatter for both. */
export { formatJst } from '../../src-shared/text/jst.js';

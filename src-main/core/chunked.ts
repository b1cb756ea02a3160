/** Splits a list into parts of at most `size`, for IN (...) lists under SQLite's variable limit. */
export function* chunked<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

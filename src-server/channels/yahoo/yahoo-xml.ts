import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { HttpAnswer } from '../http.js';

/** Elements that repeat in the store order API's answers. */
const REPEATED = new Set(['OrderInfo', 'Item', 'ItemOption', 'Inscription', 'Warning']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Order ids, codes and amounts stay text: "0001" is not 1.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });

export function parseXml<T>(text: string): T {
  return parser.parse(text) as T;
}

/** A request body: <Req>…</Req>, values escaped by the builder. */
export function requestXml(req: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ Req: req }) as string}`;
}

/** "px-04102: AccessToken has been expired…" from an <Error> answer; the status when there is none. */
export function yahooError(answer: Pick<HttpAnswer, 'status' | 'text'>): string {
  try {
    const body = parseXml<{ Error?: { Message?: string; Code?: string } }>(answer.text);
    if (body.Error) return [body.Error.Code, body.Error.Message].filter(Boolean).join(': ');
  } catch {
    // Not XML: the status says it.
  }
  return `HTTP ${answer.status}`;
}

import type { SearchCriteria } from '../../../../src-shared/api/orders.js';
import type { ExtensionItem } from '../../screen/commands.js';
import type { ListView } from '../../screen/screen-context.js';

type Flag = 'orderComment' | 'staffComment' | 'mailInquiry';

/**
 * The list narrowed to the orders with the flag. An extraction of an extraction starts from
 * the same list again (E4 after E2 lists the inquiries, not the commented inquiries).
 */
export function extractionOf(current: ListView, label: string, flag: Flag): ListView {
  const base = current.kind === 'extract' ? current.base : current;
  const criteria: SearchCriteria = { ...(base.kind === 'search' ? base.criteria : {}), [flag]: true };
  return { kind: 'extract', label, base, criteria };
}

function extraction(id: ExtensionItem['id'], label: string, flag: Flag): ExtensionItem {
  return { id, label, run: (screen) => screen.showList(extractionOf(screen.view, label, flag)) };
}

/** E2–E4: lists, from the list shown, the orders with a comment or an inquiry (S9). */
export const extractionItems: ExtensionItem[] = [
  extraction('E2', '注文時コメント対象抽出', 'orderComment'),
  extraction('E3', '受注後コメント対象抽出', 'staffComment'),
  extraction('E4', 'メール問合せ者抽出', 'mailInquiry'),
];

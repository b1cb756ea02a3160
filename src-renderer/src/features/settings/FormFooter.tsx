import type { ReactNode } from 'react';
import { FormError } from '../../components/FormError.js';

/** The end of a settings form: the last try's error (role=alert), then its buttons (保存 unless given). */
export function FormFooter({ error, children }: { error: string; children?: ReactNode }) {
  return (
    <>
      <FormError message={error} />
      <div className="form-actions">{children ?? <button type="submit">保存</button>}</div>
    </>
  );
}

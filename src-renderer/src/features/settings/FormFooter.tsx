import type { ReactNode } from 'react';

/** The end of a settings form: the last try's error (role=alert), then its buttons (保存 unless given). */
export function FormFooter({ error, children }: { error: string; children?: ReactNode }) {
  return (
    <>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">{children ?? <button type="submit">保存</button>}</div>
    </>
  );
}

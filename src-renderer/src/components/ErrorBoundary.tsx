import { Component, type ReactNode } from 'react';
import { UNSHOWABLE } from '../../../src-shared/text/jst.js';

interface Props {
  children: ReactNode;
  /** What to show instead (default: the note below, in place). */
  fallback?: ReactNode;
  /** A change of this key (another list, another order) tries the children again. */
  resetKey?: unknown;
}

interface State {
  failed: boolean;
  key: unknown;
}

/**
 * One part of the screen that cannot be drawn (a value no formatter can read) shows
 * 「表示できない値」 in its place; the rest of the app, and the dialog's 閉じる, keep working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return this.props.fallback ?? <UnshowableNote />;
  }
}

const NOTE = `「${UNSHOWABLE}」があるため、ここを表示できませんでした。閉じてからもう一度開くか、続く場合は管理者にご連絡ください。`;

export function UnshowableNote() {
  return (
    <p role="alert" className="form-error">
      {NOTE}
    </p>
  );
}

import type { ReactNode } from 'react';

/** One bubble; "mine" sits at the inline end (right in LTR, left in RTL). */
export function MessageBubble({
  mine,
  grouped,
  continued,
  text,
  meta,
  failed,
  children,
}: {
  mine: boolean;
  /** Same sender as the bubble above, moments earlier. */
  grouped: boolean;
  /** The bubble below continues this burst. */
  continued: boolean;
  text: string;
  meta: ReactNode;
  failed?: boolean;
  children?: ReactNode;
}) {
  return (
    <li className={`bubble-row ${mine ? 'mine' : 'theirs'}${grouped ? ' grouped' : ''}${continued ? ' continued' : ''}${failed ? ' failed' : ''}`}>
      <div className="bubble">
        <p className="bubble-text" dir="auto">
          {text}
        </p>
        <span className="bubble-meta">{meta}</span>
      </div>
      {children}
    </li>
  );
}

import type { ReactNode } from 'react';

/** One bubble; "mine" sits at the inline end (right in LTR, left in RTL). */
export function MessageBubble({
  mine,
  grouped,
  continued,
  text,
  meta,
  failed,
  card,
  wide,
  children,
}: {
  mine: boolean;
  /** Same sender as the bubble above, moments earlier. */
  grouped: boolean;
  /** The bubble below continues this burst. */
  continued: boolean;
  text: string | null;
  meta: ReactNode;
  failed?: boolean;
  /** A template or media shown instead of a text bubble, with the time under it. */
  card?: ReactNode;
  /** The card needs the thread's full width (a carousel). */
  wide?: boolean;
  children?: ReactNode;
}) {
  const classes = ['bubble-row', mine ? 'mine' : 'theirs'];
  if (grouped) classes.push('grouped');
  if (continued) classes.push('continued');
  if (failed) classes.push('failed');
  if (card) classes.push('has-card');
  if (wide) classes.push('is-wide');
  return (
    <li className={classes.join(' ')}>
      {card ? (
        <>
          {card}
          <span className="bubble-meta card-meta">{meta}</span>
        </>
      ) : (
        <div className="bubble">
          <p className="bubble-text" dir="auto">
            {text}
          </p>
          <span className="bubble-meta">{meta}</span>
        </div>
      )}
      {children}
    </li>
  );
}

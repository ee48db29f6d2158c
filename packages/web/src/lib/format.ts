import type { Locale } from './i18n';

const dayMs = 24 * 60 * 60 * 1000;

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function formatClock(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** Today shows the time, this week the weekday, older the date: as chat lists usually do. */
export function formatListTime(ms: number, locale: Locale, now = Date.now()): string {
  const age = startOfDay(now) - startOfDay(ms);
  if (age <= 0) return formatClock(ms, locale);
  if (age < 7 * dayMs) return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(ms);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(ms);
}

/** "Today", "Yesterday", then the date, in the reader's language. */
export function formatDay(ms: number, locale: Locale, now = Date.now()): string {
  const daysAgo = Math.round((startOfDay(now) - startOfDay(ms)) / dayMs);
  if (daysAgo === 0 || daysAgo === 1) {
    const word = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-daysAgo, 'day');
    return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
  }
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(ms);
}

export function sameDay(a: number, b: number): boolean {
  return startOfDay(a) === startOfDay(b);
}

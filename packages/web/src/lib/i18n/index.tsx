import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Catalog, type MessageKey } from './en';
import { ar } from './ar';
import { fr } from './fr';

export type Locale = 'en' | 'ar' | 'fr';
export type { MessageKey };

export const locales: { code: Locale; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'ar', label: 'العربية' },
  { code: 'fr', label: 'Français' },
];

const catalogs: Record<Locale, Catalog> = { en, ar, fr };
const storageKey = 'tijara.locale';

function isLocale(value: string | null): value is Locale {
  return value === 'en' || value === 'ar' || value === 'fr';
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode); fall through to the browser's language.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLocale(base)) return base;
  }
  return 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
  }, [locale, dir]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered across visits, but still applied now.
    }
    setLocaleState(next);
  }, []);

  const t = useCallback<Translate>(
    (key, vars) => {
      const text = catalogs[locale][key];
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
    },
    [locale],
  );

  const value = useMemo(() => ({ locale, dir, setLocale, t }) satisfies I18n, [locale, dir, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider');
  return value;
}

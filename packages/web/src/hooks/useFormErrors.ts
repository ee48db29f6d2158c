import { useState } from 'react';
import { errorField, useErrorText } from '../lib/errors';

/**
 * Puts a failed submit under the field the server named (`body.email` → email), or above the form.
 * The server names fields by path ("body.password must be…"); under the input, its label reads better.
 */
export function useFormErrors(fields: readonly string[], labels: Record<string, string> = {}) {
  const errorText = useErrorText();
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  return {
    fieldError: (name: string) => (error?.field === name ? error.text : null),
    formError: error && (error.field === null || !fields.includes(error.field)) ? error.text : null,
    report(failure: unknown) {
      const field = errorField(failure);
      const label = field ? labels[field] : undefined;
      const text = errorText(failure);
      setError({ field, text: label ? text.replace(`body.${field}`, label) : text });
    },
    /** An error found before asking the server (the same limits it enforces). */
    reject(field: string, text: string) {
      setError({ field, text });
    },
    clear: () => setError(null),
  };
}

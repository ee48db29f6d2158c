import { useState, type FormEvent, type ReactNode } from 'react';
import type { Session } from '@tijara/protocol';
import type { useFormErrors } from '../../../hooks/useFormErrors';

type FormErrors = ReturnType<typeof useFormErrors>;

/** The other auth screen's address, keeping where to go after. */
export const withNext = (path: string, next: string | null) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

/** Sends a sign-in or sign-up: busy until the server answers, its refusal put under the field it names. */
export function useAuthSubmit(errors: FormErrors, onSession: (session: Session) => void) {
  const [busy, setBusy] = useState(false);
  const send = async (request: () => Promise<Session>) => {
    setBusy(true);
    errors.clear();
    try {
      onSession(await request());
    } catch (failure) {
      errors.report(failure);
      // Only on failure: on success the screen is left, and the button stays disabled until then.
      setBusy(false);
    }
  };
  return { busy, send };
}

interface AuthFormProps {
  formError: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit(): void;
  children: ReactNode;
}

/** The form of an auth card: an error above the fields, the submit button below them. */
export function AuthForm({ formError, busy, submitLabel, busyLabel, onSubmit, children }: AuthFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {children}
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}

import { useSession } from '../../lib/session';
import { SignInForm } from '../../features/auth/components/SignInForm';
import { SignUpForm } from '../../features/auth/components/SignUpForm';

/** Once the session is set, AppRoutes sends the user on to `next` or their home. */
export function AuthRoute({ mode, next }: { mode: 'signin' | 'signup'; next: string | null }) {
  const { setSession } = useSession();
  return mode === 'signin' ? <SignInForm next={next} onSignedIn={setSession} /> : <SignUpForm next={next} onSignedUp={setSession} />;
}

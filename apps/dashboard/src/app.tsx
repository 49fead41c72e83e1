import { useState } from 'react';
import { Dashboard } from './dashboard';
import { LoginForm } from './login-form';
import { endSession, restoreSession, type Session } from './session';

export function App() {
  const [session, setSession] = useState<Session | null>(() => restoreSession());
  if (!session) return <LoginForm onSession={setSession} />;
  return (
    <Dashboard
      key={`${session.token}:${session.userId}`}
      session={session}
      onSignOut={() => {
        endSession();
        setSession(null);
      }}
    />
  );
}

import { useState, type FormEvent } from 'react';
import { fetchDemoToken, startSession, type Session } from './session';

export function LoginForm({ onSession }: { onSession: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = startSession(token, userId || null);
    if (typeof session === 'string') setError(session);
    else onSession(session);
  };

  const useDemo = async () => {
    const demo = await fetchDemoToken();
    if (typeof demo !== 'string') return setError(demo.error);
    const session = startSession(demo, null);
    if (typeof session === 'string') setError(session);
    else onSession(session);
  };

  return (
    <main className="login">
      <h1>HyperDEX Risk</h1>
      <form onSubmit={submit} aria-label="sign in">
        <label>
          Gateway token (JWT)
          <textarea name="token" rows={4} value={token} onChange={(e) => setToken(e.target.value)} placeholder="eyJhbGciOi…" />
        </label>
        <label>
          User id <small>(optional: an admin token may look at any user; default: the token&apos;s subject)</small>
          <input name="userId" value={userId} onChange={(e) => setUserId(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" disabled={token.trim() === ''}>
            Sign in
          </button>
          <button type="button" onClick={() => void useDemo()}>
            Use the demo token
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}

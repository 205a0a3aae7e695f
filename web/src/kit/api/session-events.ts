// A 401 from any API call means the session ended (expired, signed out elsewhere, a display
// token revoked): the API client reports it here and the sign-in gate re-checks who is signed in.
type Listener = () => void;
const listeners = new Set<Listener>();

export function notifyUnauthorized(): void {
  for (const listener of listeners) listener();
}

export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

import { createApiClient } from '../server/api-client.js';

const TOKEN_KEY = 'dyad-token';

/**
 * A token given once as `?token=` is kept for the tab in sessionStorage and removed from the address bar,
 * so it is not left in history or shared links.
 */
function takeToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const given = params.get('token');
  if (given) {
    sessionStorage.setItem(TOKEN_KEY, given);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`,
    );
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export const api = createApiClient({ token: takeToken() });

// The REST API under /api/v1, called with the API key from session storage as a Bearer token.

const KEY_NAME = 'assay.apiKey';

export class ApiError extends Error {
  constructor(status, message, path) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.path = path;
  }
}

export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_NAME);
  } catch {
    return null;
  }
}

export function setApiKey(key) {
  sessionStorage.setItem(KEY_NAME, key);
}

export function forgetApiKey() {
  sessionStorage.removeItem(KEY_NAME);
}

/** "404: no such project" for an API error, the message for anything else. */
export function messageOf(error) {
  if (error instanceof ApiError) {
    return error.status === 0 ? error.message : `${error.status}: ${error.message}`;
  }
  return String(error?.message ?? error);
}

/** A path with each interpolated value percent-encoded: path`/api/v1/projects/${name}`. */
export function path(strings, ...values) {
  return strings.reduce((result, part, index) =>
    result + part + (index < values.length ? encodeURIComponent(values[index]) : ''), '');
}

/** A query string from the defined, non-empty entries of an object (with the leading '?', or ''). */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls the API and returns the parsed JSON (or a Blob with {blob: true}). Throws ApiError with the HTTP
 * status (0 when the server cannot be reached) and the server's error message.
 */
export async function api(url, {method = 'GET', body, blob = false} = {}) {
  const key = apiKey();
  if (!key) {
    throw new ApiError(401, 'no API key entered yet', url);
  }
  const headers = {Authorization: `Bearer ${key}`, Accept: blob ? '*/*' : 'application/json'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (error) {
    throw new ApiError(0, `cannot reach the server (${error.message})`, url);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await errorMessage(response), url);
  }
  if (blob) {
    return response.blob();
  }
  if (response.status === 204) {
    return null;
  }
  return response.json();
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    // The contract's {"error": ..., "status": N}; the server's older errors say "message".
    const message = body?.error ?? body?.message;
    if (typeof message === 'string' && message) {
      return message;
    }
  } catch {
    // Not JSON: fall back to the status line.
  }
  return `${response.status} ${response.statusText}`.trim();
}

/**
 * Waits for several calls; a page can show what arrived and say what did not. A refused key (401) still
 * fails the whole page, so the key prompt appears; so does the failure of every call.
 * Returns [{value} | {error}] in the order given.
 */
export async function settled(calls) {
  const results = await Promise.allSettled(calls);
  const refused = results.find((result) => result.status === 'rejected' && result.reason?.status === 401);
  if (refused) {
    throw refused.reason;
  }
  if (results.every((result) => result.status === 'rejected')) {
    throw results[0].reason;
  }
  return results.map((result) => result.status === 'fulfilled' ? {value: result.value} : {error: result.reason});
}

// The server's register API (API.md "Registers"), as this app uses it. Every call gives up after
// a few seconds: a store whose network hangs must not keep the counter waiting.

const TIMEOUT_MS = 8000;

/** The server could not be reached, or did not answer in time: the register works offline. */
export class Unreachable extends Error {}

/** The server answered with a problem (problem+json): {@code status}, {@code problem}. */
export class Refused extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

async function call(method, path, key, body) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch('../api/v1' + path, {
      method,
      headers: {
        'Accept': 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(key ? { 'Authorization': 'Bearer ' + key } : {})
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      cache: 'no-store',
      signal: controller.signal
    });
  } catch (e) {
    throw new Unreachable(e.name === 'AbortError' ? 'the server did not answer in time' : 'the server cannot be reached');
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 503 || response.status === 502 || response.status === 504) {
    throw new Unreachable('the server is busy or restarting');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Refused(response.status, json);
  }
  return json;
}

/** Spends a pairing code: the register and this device's key. */
export function pair(pairingCode) {
  return call('POST', '/registers/pair', null, { pairingCode });
}

export function register(code, key) {
  return call('GET', '/registers/' + encodeURIComponent(code), key);
}

/** Asks for top-ups to these targets: [{sku, target}]. */
export function topUp(code, key, lines) {
  return call('PUT', '/registers/' + encodeURIComponent(code) + '/allotments', key, { lines });
}

/** Sends sales in number order; the server records each once. */
export function sendSales(code, key, sales) {
  return call('POST', '/registers/' + encodeURIComponent(code) + '/sales', key, { sales });
}

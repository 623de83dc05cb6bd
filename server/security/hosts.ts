/**
 * Which `Host` names the server answers to (`ALLOWED_HOSTS`). A page on another site can point its
 * own name at 127.0.0.1 (DNS rebinding); the browser then treats this server as that site and lets
 * its scripts read the answers. Such requests still carry the other site's name in `Host`, so
 * refusing names the operator did not list shuts that door. See docs: MDN "Host" and
 * https://en.wikipedia.org/wiki/DNS_rebinding.
 */
import type { MiddlewareHandler } from 'hono';

/** One allowed name; `port` null = any port. */
export interface HostPattern {
  hostname: string;
  port: string | null;
}

const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/;

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased, a trailing dot dropped; null if not a host. */
export function parseHost(text: string): HostPattern | null {
  const match = HOST_PORT.exec(text.trim().toLowerCase());
  if (!match) return null;
  const hostname = match[1]!.replace(/\.$/, '');
  if (hostname === '' || hostname.startsWith('.')) return null;
  const port = match[2] ?? null;
  if (port !== null && (Number(port) < 1 || Number(port) > 65535)) return null;
  return { hostname, port };
}

/** How a listening address is written in a Host header (`::1` → `[::1]`). */
export function hostName(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '[::]', '[::0]']);

/** The default list: the loopback names and HOST, each with the listening port. */
export function defaultAllowedHosts(host: string, port: number): HostPattern[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const own = hostName(host.toLowerCase());
  if (!names.includes(own) && !WILDCARD_ADDRESSES.has(own)) names.push(own);
  return names.map((hostname) => ({ hostname, port: String(port) }));
}

/** Whether a request's Host value matches one of the patterns (no port = the default port 80). */
export function isAllowedHost(value: string, allowed: readonly HostPattern[]): boolean {
  const host = parseHost(value);
  if (!host) return false;
  const port = host.port ?? '80';
  return allowed.some(
    (pattern) =>
      pattern.hostname === host.hostname && (pattern.port === null || pattern.port === port),
  );
}

/**
 * Refuses a request whose Host is not allowed with 421 Misdirected Request (RFC 9110 §15.5.20: the
 * request was sent to a server that does not answer for that name). Requests built in-process
 * without a Host header are judged by their URL's host.
 */
export function allowedHostsOnly(allowed: readonly HostPattern[]): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!isAllowedHost(host, allowed)) {
      return c.text(
        'This server does not answer to the host name this request was sent to. ' +
          'If it is a name of this server, add it to ALLOWED_HOSTS.',
        421,
      );
    }
    await next();
  };
}

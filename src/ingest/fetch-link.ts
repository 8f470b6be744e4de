import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";

/** Limits of an admin's link. */
export interface LinkLimits {
  /** Largest body accepted (bytes). */
  maxBytes: number;
  /** Time for the whole fetch, redirects included. */
  timeoutMs: number;
  /** Private or loopback hosts (names or addresses) a link may reach: an intranet portal. */
  allowHosts: readonly string[];
  /** Redirects followed. */
  maxRedirects?: number;
}

/** What a link gave: the body, kept as the document's original, and a file name for it. */
export interface FetchedLink {
  bytes: Uint8Array;
  fileName: string;
  finalUrl: string;
  contentType: string | null;
}

/** Addresses a link may not reach unless its host is allowed: loopback, private, link-local, ... */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv6");

/** True for an address a public link must not reach (IPv4-mapped IPv6 read as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, "ipv4");
  if (family === 6) return PRIVATE.check(address, "ipv6");
  return true;
}

function refuse(code: string, userMessage: string, context: Record<string, unknown>): IngestError {
  return new IngestError(code, userMessage, { context });
}

/** The URL an admin sent, if it is one we may fetch: http(s), no credentials in it. */
export function parseLink(text: string): URL | null {
  const trimmed = text.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return null;
  try {
    return new URL(trimmed);
  } catch {
    return null;
  }
}

/**
 * A DNS lookup that refuses private addresses for a host not allowed. It runs when the
 * connection is made, so the address checked is the address connected to (a name that
 * resolves to a public address once and a private one the next time gains nothing).
 */
function guardedLookup(allowed: boolean, url: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, "", 4);
        return;
      }
      const list = addresses as LookupAddress[];
      const blocked = list.find((a) => isPrivateAddress(a.address));
      if (!allowed && blocked) {
        callback(
          refuse("link_private", ingestMessages.linkPrivate, { url, address: blocked.address }) as never,
          "",
          4,
        );
        return;
      }
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function fileNameOf(url: URL, response: IncomingMessage): string {
  const disposition = response.headers["content-disposition"] ?? "";
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  if (named) {
    try {
      return decodeURIComponent(named);
    } catch {
      return named;
    }
  }
  const last = decodeURIComponent(url.pathname.split("/").filter(Boolean).at(-1) ?? "");
  if (/\.[a-z0-9]{2,5}$/i.test(last)) return last;
  const type = String(response.headers["content-type"] ?? "");
  const ext = /pdf/i.test(type) ? "pdf" : /html/i.test(type) ? "html" : "txt";
  const path = url.pathname.replace(/\/+$/, "").replace(/^\/+/, "").replace(/\//g, "_");
  return `${url.hostname}${path ? `_${path}` : ""}.${ext}`;
}

/**
 * Fetches an admin's link as an upload's bytes: http(s) only, no credentials (none in
 * the URL, no cookies, no authorization header), a bounded body and a deadline for the
 * whole fetch, redirects followed by hand (each one checked again). A host that resolves
 * to a loopback, private or link-local address is refused unless listed in
 * `allowHosts` (by name or address), also when a redirect leads there.
 *
 * @throws IngestError "link_invalid", "link_private", "link_too_large", "link_timeout",
 *   "link_failed" (network error or an HTTP error status).
 */
export async function fetchLink(link: string | URL, limits: LinkLimits): Promise<FetchedLink> {
  let url = typeof link === "string" ? parseLink(link) : link;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw refuse("link_invalid", ingestMessages.linkInvalid, { url: String(link) });
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const started = String(url);
  try {
    for (let hop = 0; hop <= (limits.maxRedirects ?? 5); hop++) {
      if (url.username || url.password) {
        throw refuse("link_invalid", ingestMessages.linkCredentials, { url: url.origin });
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw refuse("link_invalid", ingestMessages.linkInvalid, { url: String(url) });
      }
      const host = url.hostname.replace(/^\[|\]$/g, "");
      const allowed = limits.allowHosts.some((h) => h.toLowerCase() === host.toLowerCase());
      if (!allowed && isIP(host) && isPrivateAddress(host)) {
        throw refuse("link_private", ingestMessages.linkPrivate, { url: String(url), address: host });
      }
      const response = await get(url, guardedLookup(allowed, String(url)), controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        url = new URL(location, url);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw refuse("link_failed", ingestMessages.linkStatus(status), { url: String(url), status });
      }
      const declared = Number(response.headers["content-length"] ?? Number.NaN);
      if (declared > limits.maxBytes) {
        response.destroy();
        throw refuse("link_too_large", ingestMessages.linkTooLarge(limits.maxBytes), {
          url: String(url),
          size: declared,
        });
      }
      const bytes = await readBody(response, limits.maxBytes, String(url));
      return {
        bytes,
        fileName: fileNameOf(url, response),
        finalUrl: String(url),
        contentType: response.headers["content-type"] ?? null,
      };
    }
    throw refuse("link_failed", ingestMessages.linkRedirects, { url: started });
  } catch (error) {
    if (controller.signal.aborted) {
      throw new IngestError("link_timeout", ingestMessages.linkTimeout(Math.round(limits.timeoutMs / 1000)), {
        cause: error,
        context: { url: started, timeoutMs: limits.timeoutMs },
      });
    }
    if (error instanceof IngestError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof IngestError) throw cause;
    throw new IngestError("link_failed", ingestMessages.linkFailed, {
      cause: error,
      context: { url: started, error: (error as Error).message },
    });
  } finally {
    clearTimeout(timer);
  }
}

function get(url: URL, lookup: LookupFunction, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "GET",
        lookup,
        signal,
        headers: { "user-agent": "nhatthe-bot", accept: "text/html,application/pdf,*/*;q=0.5" },
      },
      resolve,
    );
    // A refusal by the guarded lookup arrives here as the request's error, as it was made.
    req.on("error", reject);
    req.end();
  });
}

function readBody(response: IncomingMessage, maxBytes: number, url: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        response.destroy();
        reject(refuse("link_too_large", ingestMessages.linkTooLarge(maxBytes), { url, size }));
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    response.on("error", reject);
  });
}

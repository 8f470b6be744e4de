import type { IncomingMessage } from "node:http";

/** An uploaded file part of a multipart request. */
export interface UploadedPart {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Request parameters from the query string and the body (JSON, urlencoded or multipart). */
export interface ParsedRequest {
  params: Record<string, unknown>;
  files: Map<string, UploadedPart>;
}

/** Thrown when the body exceeds the limit; answered as HTTP 413 like the Bot API. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > limitBytes) throw new BodyTooLargeError(`request body larger than ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Reads and decodes one Bot API request, the way Telegram accepts them. */
export async function parseRequest(
  req: IncomingMessage,
  url: URL,
  limitBytes: number,
): Promise<ParsedRequest> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams.entries());
  const files = new Map<string, UploadedPart>();
  const body = await readBody(req, limitBytes);
  if (body.length === 0) return { params, files };
  const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
  if (contentType.startsWith("application/json")) {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(params, parsed);
  } else if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(body, {
      headers: { "content-type": String(req.headers["content-type"]) },
    }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") {
        params[key] = value;
      } else {
        files.set(key, {
          fileName: value.name,
          mimeType: value.type,
          bytes: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
  } else {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) params[key] = value;
  }
  return { params, files };
}

/** A parameter that may arrive as JSON text (urlencoded and multipart bodies) or as an object. */
export function jsonParam<T>(value: unknown): T | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as T;
    } catch {
      return undefined;
    }
  }
  return value as T;
}

/** A numeric parameter (numbers arrive as strings outside JSON bodies). */
export function numParam(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** A string parameter. */
export function strParam(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A boolean parameter. */
export function boolParam(value: unknown): boolean {
  return value === true || value === "true" || value === "1" || value === 1;
}

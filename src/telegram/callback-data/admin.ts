/** The document states /tailieu filters by (its buttons carry them). */
export type StateFilter = "in_force" | "ended" | "amended";

/**
 * Callback data of the corpus buttons (Telegram allows 1–64 bytes):
 *
 * - `up:r:<id>:<i>` replace candidate `i` with pending upload `<id>`; `up:s:<id>` add it
 *   as a separate document; `up:c:<id>` cancel. `<id>` is 10 base64url characters.
 * - `tl:p:<page>:<kind>` a page of /tailieu; `tl:v:<docId>:<page>:<kind>` one document's
 *   card (with the list page to go back to); `tl:g:<docId>` download the original;
 *   `tl:d:<docId>:<page>:<kind>` ask to delete; `tl:y:<docId>` deletion confirmed.
 *   `<kind>` is empty (all kinds), `-` (documents of no kind), `~v`, `~e`, `~a` (in force,
 *   ended, amended) or the kind itself; it is dropped when it would not fit.
 * - `nk:<page>` a page of /nhatky.
 *
 * And of the review buttons (issue 21):
 *
 * - `dg:p:<page>` an item of /danhgia (one a page); `dg:r:<q|d|o><id>:<page>` mark a
 *   voted-down answer (`q`, question id), a declined question (`d`, its latest question
 *   id) or an official answer with changed documents (`o`, its id) reviewed;
 *   `dg:s:<questionId>` show a voted-down answer's sources; `dg:o:<questionId>` write an
 *   official answer to that question.
 * - `tc:p:<page>` a page of the official answers; `tc:e:<id>` edit one; `tc:x:<id>` remove
 *   one; `tc:a:<questionId>` approve the bot's answer to that question as official.
 */

export const CALLBACK_DATA_LIMIT = 64;

export type UploadChoice =
  | { action: "replace"; id: string; index: number }
  | { action: "separate"; id: string }
  | { action: "cancel"; id: string };

const PENDING_ID = /^[A-Za-z0-9_-]{1,16}$/;
const UPLOAD_DATA = /^up:(r|s|c):([A-Za-z0-9_-]{1,16})(?::(\d{1,2}))?$/;

export function uploadChoiceData(choice: UploadChoice): string {
  if (!PENDING_ID.test(choice.id)) throw new RangeError(`bad pending id: ${choice.id}`);
  if (choice.action === "replace") return `up:r:${choice.id}:${choice.index}`;
  return `up:${choice.action === "separate" ? "s" : "c"}:${choice.id}`;
}

export function parseUploadChoice(data: string): UploadChoice | null {
  const m = UPLOAD_DATA.exec(data);
  if (!m) return null;
  const id = m[2]!;
  if (m[1] === "r") return m[3] === undefined ? null : { action: "replace", id, index: Number(m[3]) };
  if (m[3] !== undefined) return null;
  return m[1] === "s" ? { action: "separate", id } : { action: "cancel", id };
}

/**
 * The filter of a list: all kinds, documents without a kind, one kind, or a state of
 * effect (in force, ended, amended: see `matchesState`).
 */
export type KindFilter =
  | { type: "all" }
  | { type: "none" }
  | { type: "kind"; kind: string }
  | { type: "state"; state: StateFilter };

/** State filters as callback data writes them ("~v", "~e", "~a"): no kind name starts with "~". */
const STATE_CODES: Record<StateFilter, string> = { in_force: "~v", ended: "~e", amended: "~a" };

function encodeKind(filter: KindFilter): string {
  if (filter.type === "state") return STATE_CODES[filter.state];
  return filter.type === "all" ? "" : filter.type === "none" ? "-" : filter.kind;
}

function decodeKind(raw: string | undefined): KindFilter {
  if (!raw) return { type: "all" };
  if (raw === "-") return { type: "none" };
  const state = (Object.keys(STATE_CODES) as StateFilter[]).find((s) => STATE_CODES[s] === raw);
  if (state) return { type: "state", state };
  return { type: "kind", kind: raw };
}

/** `base` with the kind appended when the whole fits in callback data, else with no kind. */
function withKind(base: string, filter: KindFilter): string {
  const full = `${base}:${encodeKind(filter)}`;
  return Buffer.byteLength(full, "utf8") <= CALLBACK_DATA_LIMIT ? full : `${base}:`;
}

const DOC_ID = /^[A-Za-z0-9_.-]{1,40}$/;

export type DocsAction =
  | { action: "page"; page: number; filter: KindFilter }
  | { action: "view"; docId: string; page: number; filter: KindFilter }
  | { action: "download"; docId: string }
  | { action: "delete"; docId: string; page: number; filter: KindFilter }
  | { action: "confirm"; docId: string };

export function docsData(a: DocsAction): string {
  if ("docId" in a && !DOC_ID.test(a.docId)) throw new RangeError(`bad document id: ${a.docId}`);
  switch (a.action) {
    case "page":
      return withKind(`tl:p:${a.page}`, a.filter);
    case "view":
      return withKind(`tl:v:${a.docId}:${a.page}`, a.filter);
    case "delete":
      return withKind(`tl:d:${a.docId}:${a.page}`, a.filter);
    case "download":
      return `tl:g:${a.docId}`;
    case "confirm":
      return `tl:y:${a.docId}`;
  }
}

const DOCS_DATA = /^tl:(p|v|d|g|y):(.*)$/su;

export function parseDocsData(data: string): DocsAction | null {
  const m = DOCS_DATA.exec(data);
  if (!m) return null;
  const rest = m[2]!;
  const page = (raw: string | undefined) => (raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : null);
  if (m[1] === "p") {
    const cut = rest.indexOf(":");
    const p = page(cut < 0 ? rest : rest.slice(0, cut));
    if (p === null) return null;
    return { action: "page", page: p, filter: decodeKind(cut < 0 ? undefined : rest.slice(cut + 1)) };
  }
  if (m[1] === "g" || m[1] === "y") {
    if (!DOC_ID.test(rest)) return null;
    return m[1] === "g" ? { action: "download", docId: rest } : { action: "confirm", docId: rest };
  }
  const [docId, rawPage, ...kind] = rest.split(":");
  const p = page(rawPage);
  if (!docId || !DOC_ID.test(docId) || p === null) return null;
  const filter = decodeKind(kind.length > 0 ? kind.join(":") : undefined);
  return m[1] === "v"
    ? { action: "view", docId, page: p, filter }
    : { action: "delete", docId, page: p, filter };
}

export function auditPageData(page: number): string {
  return `nk:${page}`;
}

export function parseAuditPage(data: string): number | null {
  const m = /^nk:(\d{1,5})$/.exec(data);
  return m ? Number(m[1]) : null;
}

export type ReviewAction =
  | { action: "page"; page: number }
  | { action: "reviewed"; kind: "q" | "d" | "o"; id: number; page: number }
  | { action: "sources"; questionId: number }
  | { action: "official"; questionId: number };

export function reviewData(a: ReviewAction): string {
  switch (a.action) {
    case "page":
      return `dg:p:${a.page}`;
    case "reviewed":
      return `dg:r:${a.kind}${a.id}:${a.page}`;
    case "sources":
      return `dg:s:${a.questionId}`;
    case "official":
      return `dg:o:${a.questionId}`;
  }
}

const REVIEW_DATA = /^dg:(?:p:(\d{1,5})|r:([qdo])(\d{1,15}):(\d{1,5})|s:(\d{1,15})|o:(\d{1,15}))$/;

export function parseReviewData(data: string): ReviewAction | null {
  const m = REVIEW_DATA.exec(data);
  if (!m) return null;
  if (m[1] !== undefined) return { action: "page", page: Number(m[1]) };
  if (m[2] !== undefined)
    return { action: "reviewed", kind: m[2] as "q" | "d" | "o", id: Number(m[3]), page: Number(m[4]) };
  if (m[5] !== undefined) return { action: "sources", questionId: Number(m[5]) };
  return { action: "official", questionId: Number(m[6]) };
}

export type OfficialAction =
  | { action: "page"; page: number }
  | { action: "edit"; id: number }
  | { action: "remove"; id: number }
  | { action: "approve"; questionId: number };

const OFFICIAL_CODES = { page: "p", edit: "e", remove: "x", approve: "a" } as const;

export function officialData(a: OfficialAction): string {
  const value = a.action === "page" ? a.page : a.action === "approve" ? a.questionId : a.id;
  return `tc:${OFFICIAL_CODES[a.action]}:${value}`;
}

export function parseOfficialData(data: string): OfficialAction | null {
  const m = /^tc:([pexa]):(\d{1,15})$/.exec(data);
  if (!m) return null;
  const n = Number(m[2]);
  switch (m[1]) {
    case "p":
      return { action: "page", page: n };
    case "e":
      return { action: "edit", id: n };
    case "x":
      return { action: "remove", id: n };
    default:
      return { action: "approve", questionId: n };
  }
}

import { isProvinceOrCountry } from "../retrieval/place-names.js";
import { analyzeQuestion, type QuestionAnalysis } from "../retrieval/question-analysis.js";
import { placesOf } from "../retrieval/question-situation.js";
import { findAbbreviation, foldDiacritics } from "../text/index.js";
import {
  asksOwnQuestion,
  CONTINUES,
  DOCUMENT_REF,
  findDocument,
  findWords,
  namesOwnSubject,
  POINTS_BACK,
  placeNounAt,
  subjectOf,
  type Token,
  tokenize,
} from "./follow-up-words.js";

/**
 * How a follow-up (a reply to one of the bot's answers) is read when no model rewrites
 * it: "more" asks for more on the same question ("giải thích rõ hơn", "tiếp"); "shift"
 * asks the same question of something else ("còn lợi ích thì sao?", "còn Hà Nội?");
 * "new-with-context" is anything else.
 */
export type FollowUpKind = "more" | "shift" | "new-with-context";

/** What to search for a follow-up and how to answer it. */
export interface FollowUpPlan {
  kind: FollowUpKind;
  /** The text the retriever searches. */
  search: string;
  /**
   * Whether what the previous answer quoted is left out of this answer: "giải thích rõ
   * hơn" wants the next-best sentences, "còn lợi ích thì sao?" and "còn huyện khác?" want
   * other material.
   */
  leaveOutPrevious: boolean;
  /** For "shift": what of the previous question X replaced, or "append" when nothing could be. */
  replaced?: "focus" | "place" | "document" | "append";
  /**
   * For an "append": X's names, folded (as typed, and with abbreviations spelled out: "ubnd",
   * "uy ban nhan dan"), one of which the answer must name (it stands for nothing asked before).
   */
  subject?: string[];
}

/** A follow-up of its own longer than this many words is not a "còn X?". */
const MAX_SHIFT_WORDS = 6;
/** A follow-up with its own question word and at least this many syllables stands alone. */
const MIN_STANDALONE_SYLLABLES = 5;

/** Politeness and address words around a request ("hãy giải thích rõ hơn giúp tôi nhé"). */
const FILLERS = new Set([
  "hay",
  "vui",
  "long",
  "xin",
  "ban",
  "bot",
  "a",
  "nhe",
  "nha",
  "di",
  "nhi",
  "giup",
  "dum",
  "ho",
  "toi",
  "minh",
  "em",
  "anh",
  "cho",
  "duoc",
  "khong",
  "ko",
  "k",
  "vay",
  "them",
]);

/** Verbs that ask to be told ("giải thích", "nói", "trình bày"), folded. */
const TELL = "(?:giai thich|noi|trinh bay|neu|viet|tra loi|phan tich|biet|ke|lam ro|mo ta|dien giai)";
/**
 * A request for more on the same question, folded, fillers removed. "thêm" is a filler
 * there (removed), so "nói thêm", "thêm nữa", "giải thích thêm" all read as a bare verb
 * or "nữa"; the original is checked for "thêm" separately.
 */
const MORE_REQUEST = new RegExp(
  [
    `^(?:${TELL} )?(?:ro|chi tiet|cu the|ky|day du|sau|ky cang|tuong tan)(?: hon)?(?: nua)?$`,
    `^${TELL}(?: nua)?$`,
    "^con(?: gi)?(?: khac)?(?: nua)?$",
    "^(?:noi |lam )?tiep(?: tuc| theo| nua)?$",
    "^nua$",
  ].join("|"),
  "u",
);

/**
 * "còn X thì sao?", "còn X?", "X thì sao?", "thế còn X", "vậy X thì thế nào": X, on the
 * folded words of the message with its trailing particles removed.
 */
const SHIFT_FORMS: readonly RegExp[] = [
  /^(?:(?:the|vay|vay thi) )?con (.+?)(?: thi)?(?: (?:sao|the nao|ra sao|nhu the nao))?$/du,
  /^(?:(?:the|vay) )?(.+?) thi (?:sao|the nao|ra sao|nhu the nao)$/du,
  /^(?:the|vay) (.+?) (?:sao|the nao|ra sao|nhu the nao)$/du,
];
/** Question words inside X: the message asks a question of its own. */
const QUESTION_WORD = /(?:^| )(?:gi|nao|ai|dau|may|bao nhieu|chua|sao|khong)(?: |$)/u;
const TRAILING_PARTICLES = /(?: (?:a|nhi|nhe|vay|the|nua|khong|ko))+$/u;
/** "đối với", "ở", "tại" before X ("còn đối với cấp xã thì sao"): not part of X. */
const X_PREFIX = /^(?:doi voi|voi|o|tai|ve|cua) /u;

/** What cadres ask a question about (the focus of "Những khó khăn khi ..."), folded. */
const FOCUS_NOUNS = [
  "kho khan",
  "loi ich",
  "han che",
  "ket qua",
  "vuong mac",
  "bat cap",
  "tro ngai",
  "thuan loi",
  "uu diem",
  "nhuoc diem",
  "hieu qua",
  "tac dung",
  "nguyen nhan",
  "ly do",
  "muc dich",
  "muc tieu",
  "nhiem vu",
  "trach nhiem",
  "quyen han",
  "tham quyen",
  "dieu kien",
  "tieu chuan",
  "doi tuong",
  "che do",
  "chinh sach",
  "giai phap",
  "kinh nghiem",
  "bai hoc",
  "ton tai",
  "thach thuc",
  "y nghia",
  "quy trinh",
  "thu tuc",
  "thoi han",
  "tien do",
  "pham vi",
  "nguyen tac",
  "kien nghi",
  "de xuat",
  "yeu cau",
  "co che",
  "loi",
];
const FOCUS_NOUN = new RegExp(`^(?:(?:nhung|cac|mot so) )?(?:${FOCUS_NOUNS.join("|")})(?: |$)`, "u");

/** The cities under the centre, named "thành phố", not "tỉnh" (folded). */
const CENTRAL_CITIES = new Set(["ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"]);

const PLACE_PHRASE =
  /^(?:huyen|tinh|xa|quan|phuong|tp|thanh pho|thi xa|thi tran|dia phuong|cap (?:xa|huyen|tinh|co so|trung uong)|noi|vung|trung uong)(?: |$)/u;
/** Words after a place noun that are not its name ("huyện có", "xã được"). */
const NOT_A_NAME = new Set([
  "co",
  "duoc",
  "la",
  "thi",
  "va",
  "da",
  "se",
  "dang",
  "giam",
  "khi",
  "thuc",
  "trong",
  "cua",
  "o",
  "tai",
  "nao",
  "gi",
  "khong",
  "bao",
  "nhu",
  "ve",
  "theo",
  "doi",
  "voi",
  "nhung",
  "cac",
  "moi",
  "hien",
  "sau",
  "truoc",
  "nam",
]);

/**
 * Reads a follow-up without a model: what to search and whether to leave out what was
 * already said. The previous question is the one the answer replied to, as the cadre
 * asked it; the message is the reply.
 */
export function planFollowUp(previousQuestion: string, message: string): FollowUpPlan {
  const previous = previousQuestion.normalize("NFC").trim();
  const tokens = tokenize(message);
  const words = tokens.map((t) => t.folded);
  const core = words.filter((w) => !FILLERS.has(w)).join(" ");
  const asksMore = words.includes("them") || words.includes("nua");
  if ((core === "" && asksMore) || (core !== "" && MORE_REQUEST.test(core))) {
    return { kind: "more", search: previous, leaveOutPrevious: true };
  }
  const shifted = readShift(tokens, message.normalize("NFC"));
  // Asked of something else, what answered before is not the answer (and repeating it
  // would look like the bot did not read the reply).
  if (shifted) return { kind: "shift", ...shiftQuestion(previous, shifted), leaveOutPrevious: true };
  const analysis = analyzeQuestion(message);
  if (standsAlone(analysis)) {
    // A full question naming no place, person or document of its own goes on from the
    // previous one ("vậy cấp xã còn khoảng bao nhiêu đơn vị?" after Tô Lâm's number of
    // provinces, "thế giáo viên có bị tính vào 20% đó không?"): it is asked with what the
    // previous question was about, its question words left out. One that names its own
    // ("Vì sao Đức Thọ chọn thí điểm?") is asked alone, unless it says it goes on: "vậy
    // ...", "thế ...", "còn ...", "... đó / này / ấy".
    const goesOn =
      CONTINUES.test(words.join(" ")) || tokens.some((t) => POINTS_BACK.has(t.text.toLowerCase()));
    if (!goesOn && namesOwnSubject(analysis.situation, tokens))
      return { kind: "new-with-context", search: message, leaveOutPrevious: false };
    const context = subjectOf(previous, words.join(" "));
    const search = context === "" ? message : `${withoutEndMark(message)} ${context}`;
    return { kind: "new-with-context", search, leaveOutPrevious: false };
  }
  // "ai ký?" after "NQ 18 ban hành ngày nào?": the new question asked of the previous one's
  // subject, not both questions at once (which the old question word won).
  if (asksOwnQuestion(core)) {
    const subject = subjectOf(previous, words.join(" "));
    if (subject !== "")
      return {
        kind: "new-with-context",
        search: `${withoutEndMark(message)} ${subject}`,
        leaveOutPrevious: false,
      };
  }
  return { kind: "new-with-context", search: `${previous}\n${message}`, leaveOutPrevious: false };
}

/** X folded, and again with its abbreviations spelled out when it has any. */
function namesOf(x: Shift): string[] {
  const spelled = x.tokens
    .map((t) => {
      const abbreviation = findAbbreviation(t.text);
      return abbreviation ? foldDiacritics(abbreviation.expansion) : t.folded;
    })
    .join(" ");
  return spelled === x.folded ? [x.folded] : [x.folded, spelled];
}

/** What a "còn X thì sao?" asks about. */
interface Shift {
  /** X as typed. */
  text: string;
  /** X folded, lower case, single spaces. */
  folded: string;
  /** Whether X was typed at the start of the message (its capital is the sentence's). */
  atStart: boolean;
  /** X's own tokens, for capitalisation. */
  tokens: Token[];
}

function readShift(tokens: Token[], message: string): Shift | null {
  const joined = tokens
    .map((t) => t.folded)
    .join(" ")
    .replace(TRAILING_PARTICLES, "");
  for (const form of SHIFT_FORMS) {
    const match = form.exec(joined);
    const at = match?.indices?.[1];
    if (!match?.[1] || !at) continue;
    let x = match[1];
    let from = joined.slice(0, at[0]).split(" ").length - 1;
    const prefix = X_PREFIX.exec(x);
    if (prefix) {
      x = x.slice(prefix[0].length);
      from += prefix[0].trim().split(" ").length;
    }
    const count = x.split(" ").length;
    // "còn bao nhiêu huyện chưa ...?" asks a question of its own.
    if (x === "" || count > MAX_SHIFT_WORDS || QUESTION_WORD.test(x)) continue;
    const own = tokens.slice(from, from + count);
    if (own.length === 0) continue;
    return {
      text: message.slice(own[0]!.start, own[own.length - 1]!.end),
      folded: x,
      atStart: from === 0,
      tokens: own,
    };
  }
  return null;
}

/** The previous question asked of X instead. */
function shiftQuestion(previous: string, x: Shift): Pick<FollowUpPlan, "search" | "replaced" | "subject"> {
  const tokens = tokenize(previous);
  const isDocument = DOCUMENT_REF.test(x.folded) || /^(?:van ban|tai lieu) /u.test(x.folded);
  const isFocus = !isDocument && FOCUS_NOUN.test(x.folded);
  const isPlace =
    !isDocument &&
    !isFocus &&
    (PLACE_PHRASE.test(x.folded) ||
      / khac$/u.test(x.folded) ||
      // A name: a capital that is not the message's first letter, nor an acronym (UBND).
      x.tokens.some((t, i) => startsUpper(t.text) && !isAcronym(t.text) && (i > 0 || !x.atStart)));
  const other = / khac$/u.test(x.folded);
  const plain = x.atStart && !isPlace && !isDocument ? lowerFirst(x.text) : x.text;
  // X goes first: after a closing "bao nhiêu" it would read as what is counted.
  const append = () => ({
    search: `${plain} ${withoutEndMark(previous)}`,
    replaced: "append" as const,
    subject: namesOf(x),
  });

  if (isFocus) {
    // What a count question counts ("đầu mối") is no focus to trade for "khó khăn".
    const analysis = analyzeQuestion(previous);
    const focus = analysis.focus === analysis.unit ? "" : analysis.focus;
    const span = focus === "" ? null : findWords(tokens, focus.split(" "));
    if (!span) return append();
    return { search: splice(previous, tokens, span, plain), replaced: "focus" };
  }
  if (isDocument) {
    const span = findDocument(tokens);
    if (!span) return append();
    return { search: splice(previous, tokens, span, x.text), replaced: "document" };
  }
  if (isPlace) {
    // A named place replaces a named place, not a level ("còn TP HCM?" after "CBCCVC cấp
    // xã Cà Mau ..."); one the previous question names bare ("Hưng Yên nhập Thái Bình")
    // is found among its situation's places.
    const span = findPlace(tokens, previous, !/^cap /u.test(x.folded)) ?? situationPlaces(tokens, previous);
    if (!span) return append();
    // "huyện khác": the place goes (with its "ở"); no store filter can exclude documents.
    if (other) {
      const from = span[0] > 0 && /^(?:o|tai)$/u.test(tokens[span[0] - 1]!.folded) ? span[0] - 1 : span[0];
      return { search: splice(previous, tokens, [from, span[1]], ""), replaced: "place" };
    }
    // The whole place goes: "Hà Nội" after "huyện Đức Thọ" is no "huyện Hà Nội". A province
    // for a province keeps the word: "còn Hà Tĩnh?" after "Tỉnh Nghệ An ..." asks of "Tỉnh
    // Hà Tĩnh", which is how the documents name it.
    const keepsNoun =
      tokens[span[0]]!.folded === "tinh" &&
      span[1] - span[0] > 1 &&
      isProvinceOrCountry(x.folded) &&
      !CENTRAL_CITIES.has(x.folded);
    return {
      search: splice(previous, tokens, keepsNoun ? [span[0] + 1, span[1]] : span, x.text),
      replaced: "place",
    };
  }
  return append();
}

/** A message with its own question word and enough words to be searched alone. */
function standsAlone(analysis: QuestionAnalysis): boolean {
  const words = analysis.folded.split(" ").filter(Boolean);
  const asks =
    analysis.type !== "khac" || /(?:^| )(?:gi|nao|sao|dau|ai|may|khong|chua)(?: |$)/u.test(analysis.folded);
  return asks && words.length >= MIN_STANDALONE_SYLLABLES;
}

/**
 * The tokens from the previous question's first situation place to its last, when they
 * stand close together ("Hưng Yên nhập Thái Bình"); the first alone otherwise.
 */
function situationPlaces(tokens: Token[], previous: string): [number, number] | null {
  const spans = placesOf(analyzeQuestion(previous).situation)
    .map((phrase) => findWords(tokens, phrase.split(" ")))
    .filter((span): span is [number, number] => span !== null)
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return null;
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  return last[0] - first[1] <= MAX_PLACE_GAP ? [first[0], last[1]] : first;
}
/** Words between two places of one phrase ("Hưng Yên nhập Thái Bình", "Bắc Giang và Bắc Ninh"). */
const MAX_PLACE_GAP = 2;

function findPlace(tokens: Token[], text: string, skipLevels = false): [number, number] | null {
  const cased = text !== text.toLowerCase();
  const nameFrom = (i: number): number => {
    let j = i;
    if (cased) while (j < tokens.length && startsUpper(tokens[j]!.text) && !isAcronym(tokens[j]!.text)) j++;
    else while (j < tokens.length && j - i < 2 && !NOT_A_NAME.has(tokens[j]!.folded)) j++;
    return j;
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.folded;
    if (w === "cap" && /^(?:xa|huyen|tinh|co so|trung uong)$/u.test(tokens[i + 1]?.folded ?? "")) {
      if (skipLevels) {
        i++;
        continue;
      }
      return [i, i + 2];
    }
    const noun = placeNounAt(tokens, i);
    if (noun > 0 && w !== "cap" && w !== "noi") {
      const end = nameFrom(i + noun);
      if (end > i + noun) return [i, end];
    }
    if ((w === "o" || w === "tai") && i + 1 < tokens.length) {
      const end = nameFrom(i + 1);
      // "ở huyện Đức Thọ": the place noun's span; "ở Đức Thọ": the name.
      if (placeNounAt(tokens, i + 1) > 0) continue;
      if (end > i + 1 && (cased || end - i > 1)) return [i + 1, end];
    }
  }
  return null;
}

/** The text with tokens [from, to) replaced. */
function splice(text: string, tokens: Token[], [from, to]: [number, number], replacement: string): string {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const before = text.slice(0, start);
  const after = text.slice(end);
  let out = `${before}${replacement}${after}`.replace(/\s{2,}/gu, " ").replace(/\s+([?.,!])/gu, "$1");
  // A focus replaced at the start keeps the question's capital.
  if (from === 0 && startsUpper(text)) out = upperFirst(out.trimStart());
  return out.trim();
}

function withoutEndMark(text: string): string {
  return text.replace(/[\s?.!]+$/u, "");
}

function startsUpper(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toLowerCase();
}

function isAcronym(text: string): boolean {
  return text.length > 1 && text === text.toUpperCase();
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One question of a thread of replies and the answer it got. */
export interface ThreadEntry {
  question: string;
  answer: string;
}

/**
 * What a thread of replies asks so far, read from its first question on: "Khó khăn khi
 * ... là gì?" → "giải thích rõ hơn" → "tiếp" still asks the difficulties, where the last
 * reply read against its parent's own words would search "giải thích rõ hơn". The answer
 * holds every answer of the thread, so that what any of them quoted is left out again.
 * `thread`: oldest first, at least one entry.
 */
export function resolveThread(thread: readonly ThreadEntry[]): ThreadEntry {
  let question = thread[0]!.question;
  for (const entry of thread.slice(1)) question = planFollowUp(question, entry.question).search;
  return { question, answer: thread.map((entry) => entry.answer).join("\n") };
}

import { foldDiacritics } from "../text/index.js";

/**
 * Messages that ask for what no document store can give, so they get a plain reply of
 * what the bot does instead of a quoted sentence: a request to compose ("viết giúp tôi
 * bài thơ về mùa thu Hà Nội", "soạn bài phát biểu", "dịch sang tiếng Anh") and a question
 * on live data ("thời tiết Hà Nội ngày mai", "giá vàng hôm nay", "kết quả xổ số").
 * Behind a large archive such a message always finds a page that shares its words (a
 * page on lacquer painting said "phụ thuộc thời tiết"): coverage of its words is no sign
 * that it is answered.
 */
export type OutOfScopeKind = "compose" | "live";

/**
 * Polite openings and forms of address before a request ("bạn ơi, hãy giúp mình ...");
 * not "hộ", "chị", "anh": folded, "Hồ Chí Minh viết bài thơ ..." would open with them.
 */
const OPENING = String.raw`(?:(?:ban|bot|em|ad|admin|oi|hay|lam on|vui long|giup|gium|cho|toi|minh|to|tui|co the)[\s,]+)*`;

/**
 * What is made, as phrases that mean nothing else once folded: "thơ" or "truyện" alone
 * would catch "làm thợ", "làm truyền thông" ("lam tho", "lam truyen thong").
 */
const PIECE =
  "(?:bai tho|tho ve|tho$|bai hat|loi bai hat|bai van|bai luan|doan van|cau chuyen|chuyen cuoi|truyen cuoi|truyen ngan|truyen co tich|cau do|bai rap|loi chuc|thiep chuc|bai phat bieu|bai dien van|dien van|kich ban|slogan|khau hieu|email|la thu|buc thu|bai cam nhan)";

/**
 * A verb of making followed by what is made: a creative piece or a speech to draft. The
 * request must open the message: "Báo cáo ... viết về nhất thể hóa" is a question.
 */
const COMPOSE = new RegExp(
  String.raw`^${OPENING}(?:viet|lam|sang tac|soan|soan thao|ke|nghi ra|tao)\s+` +
    String.raw`(?:(?:giup|gium|ho|cho|dum)\s+)?(?:(?:toi|minh|em|anh|chi|to|tui)\s+)?(?:(?:mot|1|vai|may|cai)\s+)?${PIECE}(?:\s|$)`,
);

/** "dịch (đoạn này|giúp tôi câu này) sang tiếng Anh": translation. */
const TRANSLATE = new RegExp(String.raw`^${OPENING}dich\b.*\bsang (?:tieng|ngon ngu)\b`);

/**
 * Words that put a question on the present moment or the next days ("hiện tại" does not:
 * "tỷ giá hiện tại tính thuế theo quy định nào" asks a rule).
 */
const NOW =
  "(?:hom nay|ngay mai|toi nay|dem nay|sang mai|chieu mai|toi mai|chieu nay|sang nay|tuan nay|tuan toi|cuoi tuan|bay gio|hien gio|luc nay)";

/** What changes by the hour and no directive states: weather, market prices, scores. */
const LIVE_TOPIC =
  "(?:thoi tiet|du bao thoi tiet|nhiet do|troi (?:co )?mua|gia vang|gia xang|gia dau|gia (?:do|usd|euro)|ty gia|ti gia|gia bitcoin|gia co phieu|chung khoan|vn ?index|ti so|ty so|ket qua (?:tran|bong da|xo so)|lich thi dau)";

const LIVE = [
  new RegExp(String.raw`\b${LIVE_TOPIC}\b.*\b${NOW}\b`),
  new RegExp(String.raw`\b${NOW}\b.*\b${LIVE_TOPIC}\b`),
  // Abbreviations used for a draw's results only (lottery rules are documents).
  /\b(?:xsmb|xsmn|xsmt)\b/,
  // The clock and the calendar, asked as the whole message ("bây giờ là mấy giờ",
  // "hôm nay là thứ mấy"); "có hiệu lực từ ngày bao nhiêu" asks a document.
  /^(?:(?:bay gio|hien gio|hien tai) )?(?:la )?may gio(?: roi)?(?: ban| bot)?$/,
  /^(?:hom nay|ngay mai|hom qua) (?:la )?(?:thu may|ngay (?:bao nhieu|may|nao|gi)|mung may)(?: roi)?(?: ban| bot)?$/,
];

/** Messages longer than this (in words) are taken as questions, whatever they open with. */
const MAX_WORDS = 30;

/** The kind of out-of-scope request, or null for a message that goes to retrieval. Pure. */
export function outOfScopeKind(message: string): OutOfScopeKind | null {
  const folded = foldDiacritics(message)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s,]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (folded === "" || folded.split(" ").length > MAX_WORDS) return null;
  if (COMPOSE.test(folded) || TRANSLATE.test(folded)) return "compose";
  if (LIVE.some((pattern) => pattern.test(folded))) return "live";
  return null;
}

/*
 * Personal names as documents write them, for the answers that a name answers ("ai",
 * "ai ký"). Pure.
 */

/**
 * Vietnamese surnames: a personal name is one of these and two or three more capitalised
 * syllables ("Lê Minh Hưng", "Đỗ Thanh Bình"); "Tỉnh Lào Cai", "Ban Chấp Hành" are not,
 * nor "Hà Tĩnh", "Thái Bình" (two syllables: provinces more often than people). The
 * mountain provinces' cadres bear H'Mông, Dao and Thái surnames ("Vàng Seo Cón", "Giàng A
 * Chu", "Lường Văn Chinh"), listed after the Kinh ones.
 */
const SURNAMES =
  "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đào|Đinh|Lâm|Mai|Trịnh|Trương|Lương|Hà|Tô|Tạ|Chu|Cao|Đoàn|Vương|Thái|Lưu|Quách|Hứa|Kiều|Triệu|Phùng|Nghiêm|Lại|Từ|Giang|Châu|Đàm|Tăng|Lữ|Thân|Khổng|Mạc|Tôn|Âu|Diệp|Nông|Lò|Hầu|Doãn|Khuất|Lục|Ninh|Bế|Y|Vàng|Giàng|Sùng|Thào|Lầu|Mùa|Sình|Tráng|Chảo|Quàng|Cầm|Điêu|Lường|Hạng|Tẩn|Vừ";
/**
 * Words before a name that make it a place's: "Thành phố Hồ Chí Minh", "đường Lê Duẩn",
 * "phường Trần Hưng Đạo" name no person.
 */
const NAMED_PLACE =
  "(?:[Tt]hành phố|TP\\.?|[Đđ]ường|[Pp]hố|[Pp]hường|[Xx]ã|[Qq]uận|[Hh]uyện|[Tt]ỉnh|[Tt]rường|[Cc]ầu|[Cc]ảng|[Ll]ăng|[Qq]uảng trường)";
/** Places whose names begin with "Bà": "Bà Rịa - Vũng Tàu", "Bà Chiểu", "núi Bà Đen". */
const PLACES_NAMED_BA = "(?:Rịa|Chiểu|Đen|Điểm)(?![\\p{L}])";
/**
 * A leader's title before a name: "Tổng Bí thư Tô Lâm", "Thủ tướng Phạm Minh Chính". After
 * one, a surname and a single syllable is a person's name too (a province is written after
 * "tỉnh", not after a title).
 */
const TITLE =
  "(?:Tổng Bí thư|Tổng bí thư|Chủ tịch nước|Chủ tịch Quốc hội|Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Thường trực Ban Bí thư)";
/**
 * A personal name: after "đồng chí", "ông", "bà", a surname and more capitalised
 * syllables, or a leader's title and a surname with one more.
 */
const PERSON = new RegExp(
  `(?<![\\p{L}])(?<!${NAMED_PLACE}\\s+)(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\\s+(?!${PLACES_NAMED_BA})\\p{Lu}\\p{Ll}*|(?<![\\p{L}])(?<!${NAMED_PLACE}\\s+)(?:${SURNAMES})(?:\\s+\\p{Lu}\\p{Ll}*){2,3}(?![\\p{L}])|(?<=${TITLE}\\s+)(?:${SURNAMES})\\s+\\p{Lu}\\p{Ll}*(?![\\p{L}])`,
  "u",
);
/**
 * A name held for anyone in an example ("Ví dụ: Đồng chí Nguyễn Văn A, Phó Trưởng Ban
 * ...", "ông B"): its last part is a single capital letter. No one's name answers "ai".
 * A capital letter inside a name is no placeholder: "Giàng A Chu" is a H'Mông name.
 */
const PLACEHOLDER_NAME = new RegExp(
  `(?<![\\p{L}])(?:(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\\s+)?(?:(?:${SURNAMES})\\s+(?:\\p{Lu}\\p{Ll}+\\s+)?)?\\p{Lu}(?![\\p{L}\\p{N}])(?!\\s+\\p{Lu})`,
  "gu",
);

/** Whether a text names a person (not a placeholder of an example). */
export function namesPerson(text: string): boolean {
  return PERSON.test(text.replace(PLACEHOLDER_NAME, " "));
}

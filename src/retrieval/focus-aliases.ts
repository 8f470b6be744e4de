/**
 * What reports and regulations call what cadres ask for, folded. A question on "lợi ích"
 * is answered by the report's sentence on what the model "tinh gọn", "giảm được"; one on
 * "khó khăn" by "vướng mắc", "áp lực", "chưa có ...".
 */
/**
 * How reports state a gain: as a comparison ("đồng bộ, linh hoạt, kịp thời hơn", "tạo sự
 * thống nhất", "giảm các cuộc họp"), not with the word "lợi ích".
 */
const GAINS = [
  "kip thoi hon",
  "nhanh hon",
  "tot hon",
  "hieu qua hon",
  "chat che hon",
  "thong nhat",
  "dong bo",
  "giam cac",
];
/** What a benefit is called in reports, asked as "lợi ích" or "lợi". */
const BENEFIT_NAMES = [
  "hieu qua",
  "thuan loi",
  "tinh gon",
  "giam duoc",
  "giam bot",
  "ket qua",
  "uu diem",
  "tac dung",
  ...GAINS,
];

const FOCUS_ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["kho khan", ["vuong mac", "han che", "bat cap", "tro ngai", "ap luc", "thach thuc", "ton tai"]],
  ["han che", ["kho khan", "vuong mac", "bat cap", "ton tai", "chua"]],
  ["vuong mac", ["kho khan", "han che", "bat cap"]],
  ["bat cap", ["kho khan", "han che", "vuong mac"]],
  ["nhuoc diem", ["kho khan", "han che", "bat cap"]],
  ["loi ich", BENEFIT_NAMES],
  ["uu diem", ["thuan loi", "hieu qua", "tinh gon", "giam duoc", "ket qua", ...GAINS]],
  ["thuan loi", ["hieu qua", "uu diem", "ket qua", ...GAINS]],
  ["hieu qua", ["ket qua", "thuan loi", "giam duoc", "tinh gon"]],
  // "lợi" alone ("có lợi gì") asks the same as "lợi ích".
  ["loi", BENEFIT_NAMES],
  ["ket qua", ["dat duoc", "giam duoc", "hieu qua", "hoan thanh"]],
  ["tac dung", ["hieu qua", "giup", "ket qua"]],
  ["nguyen nhan", ["do", "vi", "boi"]],
  ["ly do", ["do", "vi", "boi", "nham"]],
  ["muc dich", ["nham", "de", "muc tieu"]],
  ["muc tieu", ["nham", "phan dau", "muc dich"]],
  ["nhiem vu", ["nhiem vu", "trach nhiem", "chu tri", "giao"]],
  ["trach nhiem", ["trach nhiem", "nhiem vu", "chu tri"]],
  ["tham quyen", ["quyet dinh", "bo nhiem", "do", "ban hanh"]],
  ["nguoi", ["can bo", "cong chuc", "vien chuc", "dong chi", "thanh vien", "uy vien", "dai bieu"]],
  // A merger is written as an arrangement ("sắp xếp toàn bộ diện tích ... thành phường mới").
  ["sap nhap", ["sap xep", "hop nhat", "nhap toan bo", "nhap vao"]],
  ["tru so", ["dia chi", "dat tai", "dat o"]],
  ["dia chi", ["tru so", "so nha"]],
  ["tinh ly", ["trung tam hanh chinh", "dat tai", "dat o"]],
  ["trung tam hanh chinh", ["tinh ly", "dat tai", "dat o"]],
  ["dieu kien", ["phai", "dap ung", "co du", "tieu chuan", "tieu chi"]],
  ["tieu chuan", ["phai", "dap ung", "dieu kien", "tieu chi"]],
  ["doi tuong", ["ap dung", "doi voi"]],
  ["che do", ["duoc huong", "tro cap", "huong"]],
  ["chinh sach", ["duoc huong", "tro cap", "ho tro"]],
  ["giai phap", ["can", "phai", "tiep tuc", "tang cuong"]],
  ["kinh nghiem", ["bai hoc", "can", "phai"]],
  ["bai hoc", ["kinh nghiem", "can", "phai"]],
];
const ALIASES_OF = new Map(FOCUS_ALIASES);

/** A focus's other names: those of every key it is or begins or ends with ("khó khăn" in "những khó khăn"). */
export function aliasesOf(focus: string): string[] {
  const out = new Set<string>();
  for (const [key, aliases] of ALIASES_OF) {
    if (focus === key || focus.endsWith(` ${key}`) || focus.startsWith(`${key} `))
      for (const a of aliases) out.add(a);
  }
  return [...out];
}

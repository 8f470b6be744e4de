/**
 * Every Vietnamese string of the daily digest and of `/bantin`, kept together so wording
 * is reviewed in one place. Strings marked "HTML" go out with HTML parse mode: values put
 * into them must already be escaped by the caller.
 */

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;

export type QuietPolicy = "short" | "none";

export const digestMessages = {
  weekday: (day: number) => WEEKDAYS[day] ?? "",
  /** HTML. `dateLabel` like "Thứ Sáu, 07/03/2025". */
  header: (dateLabel: string) => `📰 <b>Bản tin nhất thể hóa</b> · ${dateLabel}`,
  /** HTML; the quiet-day line above "Bạn có biết?". */
  quietNote: "<i>Hôm nay không có tài liệu mới và chưa có câu hỏi mới.</i>",
  changesTitle: "📄 Tài liệu mới/cập nhật/đã gỡ",
  changeAdded: "Mới",
  changeReplaced: (version: number) => (version > 1 ? `Cập nhật (bản ${version})` : "Cập nhật"),
  changeRemoved: "Đã gỡ",
  moreChanges: (n: number) => `… và ${n} thay đổi khác.`,
  questionsTitle: "❓ Câu hỏi được quan tâm",
  questionsIntro: (total: number) => `${total} câu hỏi trong 24 giờ qua; được hỏi nhiều nhất:`,
  timesAsked: (n: number) => `${n} lượt`,
  /** Plain text: a new document acts on one cadres asked about ("sửa đổi, bổ sung Nghị định số 178/2024/NĐ-CP"). */
  actsOnAsked: (act: string, target: string, times: number) =>
    `Văn bản này ${act} ${target}, văn bản được hỏi ${times} lần trong 30 ngày qua.`,
  didYouKnowTitle: "💡 Bạn có biết?",
  sourcesHeading: "📚 Nguồn",
  /** HTML. */
  footer: "<i>Quản trị viên nhóm bật/tắt bản tin bằng lệnh /bantin.</i>",

  // ---------------------------------------------------------------- /bantin
  /** HTML. */
  usage: (defaultTime: string) =>
    [
      "<b>Bản tin hằng ngày cho nhóm</b>",
      `<code>/bantin bat [HH:MM]</code> – bật bản tin (mặc định ${defaultTime})`,
      "<code>/bantin tat</code> – tắt bản tin",
      "<code>/bantin xem</code> – xem trước bản tin ngay bây giờ",
      "<code>/bantin yenlang ngan|bo</code> – ngày không có gì mới: gửi bản tin ngắn, hoặc bỏ qua",
      "<code>/bantin</code> – xem cài đặt hiện tại",
    ].join("\n"),
  groupOnly: "Bản tin hằng ngày chỉ dùng trong nhóm. Hãy thêm tôi vào nhóm rồi gõ /bantin bat trong nhóm đó.",
  notAllowed:
    "Xin lỗi, chỉ quản trị viên của nhóm (hoặc quản trị viên của bot) mới thay đổi được bản tin của nhóm.",
  /** HTML. */
  badTime: (text: string) =>
    `Giờ <code>${text}</code> chưa đúng dạng. Vui lòng ghi giờ:phút theo 24 giờ, ví dụ <code>/bantin bat 07:30</code>.`,
  /** HTML. */
  badQuietPolicy: "Vui lòng chọn <code>/bantin yenlang ngan</code> hoặc <code>/bantin yenlang bo</code>.",
  /** HTML. */
  enabled: (time: string, zone: string) =>
    `Đã bật bản tin hằng ngày cho nhóm lúc <b>${time}</b> (múi giờ ${zone}). Gõ <code>/bantin xem</code> để xem trước.`,
  disabled: "Đã tắt bản tin hằng ngày của nhóm.",
  alreadyDisabled: "Bản tin hằng ngày của nhóm đang tắt.",
  /** HTML. */
  quietPolicySet: (policy: QuietPolicy) =>
    policy === "short"
      ? "Ngày không có gì mới, nhóm sẽ nhận <b>bản tin ngắn</b> (chỉ mục “Bạn có biết?”)."
      : "Ngày không có gì mới, nhóm sẽ <b>không nhận</b> bản tin.",
  /** HTML. */
  status: (s: {
    enabled: boolean;
    time: string;
    zone: string;
    quietPolicy: QuietPolicy;
    lastSent: string | null;
  }) =>
    [
      s.enabled
        ? `Bản tin hằng ngày: <b>đang bật</b>, lúc <b>${s.time}</b> (múi giờ ${s.zone}).`
        : "Bản tin hằng ngày: <b>đang tắt</b>.",
      `Ngày không có gì mới: ${s.quietPolicy === "short" ? "gửi bản tin ngắn" : "không gửi"}.`,
      s.lastSent ? `Bản tin gần nhất: ${s.lastSent}.` : "Chưa gửi bản tin nào.",
    ].join("\n"),
  previewNote: "Bản xem trước (chưa tính là bản tin của hôm nay):",
  previewEmpty:
    "Hiện chưa có nội dung cho bản tin (không có tài liệu mới, câu hỏi mới hay đoạn trích chưa giới thiệu).",
  previewQuietNone:
    "Hôm nay chưa có gì mới; theo cài đặt “yenlang bo”, nhóm sẽ không nhận bản tin nếu đến giờ vẫn vậy.",
  /** Plain text; the CLI's line when nothing would be sent. */
  cliNothing: "Không có bản tin để gửi (ngày yên lặng và nhóm chọn bỏ qua, hoặc không có nội dung).",
  cliSent: (chatId: number, parts: number) => `Đã gửi bản tin tới ${chatId} (${parts} tin nhắn).`,
  cliNeedsToken: "Cần TELEGRAM_BOT_TOKEN để gửi bản tin; dùng --dry-run để chỉ xem nội dung.",
} as const;

/** "Thứ Sáu, 07/03/2025" for "2025-03-07" (weekday given by the caller). */
export function dateLabel(date: string, weekday: number): string {
  const [year, month, day] = date.split("-");
  return `${digestMessages.weekday(weekday)}, ${day}/${month}/${year}`;
}

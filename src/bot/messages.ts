/**
 * Every Vietnamese string the bot shows a user, kept together so wording is reviewed in
 * one place. Strings that go out with HTML parse mode are marked "HTML": values put into
 * them must already be escaped by the caller.
 */

/** Questions shown by /start and /help so a newcomer knows what to ask. */
export const EXAMPLE_QUESTIONS = [
  "Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
  "Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?",
  "Kết luận 127-KL/TW yêu cầu sắp xếp bộ máy như thế nào?",
] as const;

export const botMessages = {
  /** HTML. */
  start: (documents: number, examples: readonly string[]) =>
    [
      "Xin chào! Tôi trả lời câu hỏi về <b>nhất thể hóa các chức danh lãnh đạo</b> và sắp xếp bộ máy, dựa trên tài liệu trong kho và luôn ghi rõ nguồn.",
      "",
      `Kho hiện có <b>${documents}</b> tài liệu.`,
      "",
      "Bạn có thể hỏi, ví dụ:",
      ...examples.map((q) => `• ${q}`),
      "",
      "Gõ /help để xem cách dùng.",
    ].join("\n"),
  /** HTML. */
  help: [
    "<b>Cách dùng</b>",
    "• Trong chat riêng: gõ câu hỏi, tôi trả lời kèm số nguồn [1], [2]…",
    "• Trong nhóm: nhắc tên tôi (@tên_bot), trả lời (reply) tin nhắn của tôi, hoặc dùng <code>/hoi câu hỏi</code>.",
    "• Bấm nút nguồn dưới câu trả lời để đọc nguyên văn đoạn trích; bấm 👍 / 👎 để góp ý.",
    "• Trả lời (reply) một câu trả lời của tôi để hỏi tiếp trong cùng ngữ cảnh.",
    "",
    "<b>Lệnh</b>",
    "/start – giới thiệu",
    "/help – hướng dẫn",
    "/hoi – đặt câu hỏi (dùng trong nhóm)",
  ].join("\n"),
  /** HTML; appended to /help for admins. */
  helpAdmin: [
    "",
    "<b>Lệnh quản trị</b>",
    "<code>/cho_phep &lt;id&gt;</code> – cho phép người dùng (id dương) hoặc nhóm (id âm); hoặc trả lời tin nhắn của người cần cho phép",
    "<code>/chan &lt;id&gt;</code> – chặn người dùng hoặc nhóm",
    "/thongke – thống kê câu hỏi 7 ngày gần nhất",
  ].join("\n"),
  commands: {
    start: "Giới thiệu bot",
    help: "Hướng dẫn sử dụng",
    hoi: "Đặt câu hỏi (trong nhóm)",
    thongke: "Thống kê (quản trị)",
    cho_phep: "Cho phép người dùng/nhóm (quản trị)",
    chan: "Chặn người dùng/nhóm (quản trị)",
  },
  /** HTML. */
  accessDenied: (userId: number | undefined) =>
    userId === undefined
      ? "Xin lỗi, bot chỉ phục vụ người dùng đã được cho phép."
      : `Xin lỗi, bạn chưa được cấp quyền sử dụng bot này.\nMã người dùng của bạn: <code>${userId}</code>\nVui lòng gửi mã này cho quản trị viên để được cho phép.`,
  /** Plain text (callback query alerts). */
  accessDeniedShort: (userId: number | undefined) =>
    userId === undefined
      ? "Bạn chưa được cấp quyền sử dụng bot này."
      : `Bạn chưa được cấp quyền sử dụng bot này (mã ${userId}).`,
  rateLimited: (seconds: number) =>
    `Bạn đang hỏi hơi nhanh. Vui lòng đợi khoảng ${seconds} giây rồi hỏi tiếp. Xin cảm ơn!`,
  genericError: "Có lỗi, vui lòng thử lại.",
  askUsage: "Vui lòng viết câu hỏi sau lệnh, ví dụ: /hoi Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
  notText: "Tôi chỉ đọc được câu hỏi dạng văn bản. Vui lòng gõ câu hỏi của bạn.",
  unknownCommand: "Tôi không hiểu lệnh này. Gõ /help để xem các lệnh, hoặc gõ thẳng câu hỏi.",
  adminOnly: "Lệnh này chỉ dành cho quản trị viên.",
  /** HTML. */
  permissionUsage: (command: string) =>
    `Cách dùng: <code>/${command} &lt;id&gt;</code> (id dương: người dùng, id âm: nhóm), hoặc trả lời (reply) tin nhắn của người đó bằng <code>/${command}</code>.`,
  /** HTML. */
  allowed: (kind: "user" | "chat", id: number) =>
    kind === "user" ? `Đã cho phép người dùng <code>${id}</code>.` : `Đã cho phép nhóm <code>${id}</code>.`,
  /** HTML. */
  blocked: (kind: "user" | "chat", id: number) =>
    kind === "user" ? `Đã chặn người dùng <code>${id}</code>.` : `Đã chặn nhóm <code>${id}</code>.`,
  cannotBlockAdmin: "Không thể chặn quản trị viên.",
  sourceGone: "Đoạn trích này không còn trong kho (tài liệu có thể đã bị gỡ hoặc thay).",
  answerGone: "Không tìm thấy câu trả lời này nữa.",
  staleButton: "Nút này không còn hiệu lực.",
  feedbackThanks: (up: boolean) =>
    up ? "Cảm ơn bạn đã đánh giá 👍" : "Cảm ơn góp ý 👎, chúng tôi sẽ cải thiện.",
  uploadLater:
    "Đã nhận tệp. Tính năng tải tài liệu mới lên kho qua Telegram sẽ có trong bản cập nhật tới; hiện quản trị viên thêm tài liệu vào thư mục kho rồi khởi động lại bot.",
  uploadAdminOnly: "Chỉ quản trị viên mới tải được tài liệu lên kho.",
  /** HTML. */
  stats: (s: {
    days: Array<{ day: string; questions: number }>;
    total: number;
    declined: number;
    topDocuments: Array<{ title: string; count: number }>;
    up: number;
    down: number;
  }) => {
    const rate = s.total === 0 ? 0 : Math.round((s.declined / s.total) * 1000) / 10;
    return [
      "<b>Thống kê 7 ngày gần nhất</b>",
      "",
      "<b>Số câu hỏi theo ngày</b>",
      ...s.days.map((d) => `${d.day}: ${d.questions}`),
      "",
      `Tổng: ${s.total} câu hỏi; không tìm được câu trả lời: ${s.declined} (${rate.toLocaleString("vi-VN")}%)`,
      "",
      "<b>Tài liệu được trích dẫn nhiều nhất</b>",
      ...(s.topDocuments.length === 0
        ? ["(chưa có)"]
        : s.topDocuments.map((d, i) => `${i + 1}. ${d.title} – ${d.count} lần`)),
      "",
      `<b>Đánh giá</b>: 👍 ${s.up} · 👎 ${s.down}`,
    ].join("\n");
  },
} as const;

/** Strings of the local sandbox (terminal chat). Plain text. */
export const sandboxMessages = {
  welcome: (opts: { userId: number; adminId: number; documents: number; logFile: string }) =>
    [
      "══════════════════════════════════════════════════════════════",
      " Hộp thử cục bộ của bot Nhất thể hóa (chưa có TELEGRAM_BOT_TOKEN)",
      "══════════════════════════════════════════════════════════════",
      `Bot thật đang chạy trên một máy chủ Telegram giả lập tại máy này; kho có ${opts.documents} tài liệu.`,
      `Bạn đang gõ với tư cách một cán bộ (mã người dùng ${opts.userId}).`,
      "",
      "  • Gõ câu hỏi rồi nhấn Enter, ví dụ: Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
      "  • Dưới câu trả lời có các lựa chọn đánh số: gõ 1, 2… để mở nguồn tương ứng,",
      "    gõ + hoặc - để đánh giá câu trả lời, < hoặc > để lật trang đoạn trích dài.",
      "  • Gõ /start, /help như trên Telegram.",
      `  • /admin: chuyển qua lại giữa cán bộ và quản trị viên (mã ${opts.adminId});`,
      "    khi là quản trị viên: /upload đường/dẫn/tệp.pdf để gửi một tệp cho bot, /thongke để xem thống kê.",
      "  • /thoat (hoặc Ctrl+C) để kết thúc.",
      `Nhật ký của bot ghi ở ${opts.logFile}.`,
      "",
    ].join("\n"),
  prompt: (admin: boolean) => (admin ? "quản trị> " : "bạn> "),
  nowAdmin: (id: number) => `(Bạn đang gõ với tư cách quản trị viên, mã ${id}.)`,
  nowUser: (id: number) => `(Bạn đang gõ với tư cách cán bộ, mã ${id}.)`,
  uploadUsage: "Cách dùng: /upload đường/dẫn/tệp.pdf",
  uploadNeedsAdmin: "Chỉ quản trị viên mới tải tệp lên; gõ /admin trước.",
  fileMissing: (path: string) => `Không đọc được tệp: ${path}`,
  uploading: (name: string) => `(Đang gửi tệp ${name} cho bot…)`,
  noChoice: "Không có lựa chọn này. Hãy gõ số của một nguồn đang hiển thị, hoặc + / -.",
  noButtons: "Chưa có câu trả lời nào để chọn nguồn.",
  /** Heading of a bot message: the bot, to whom when not the current person, and whether it was edited. */
  botHeading: (to: number | undefined, edited: boolean) =>
    `Bot${to === undefined ? "" : ` → ${to}`}${edited ? " (cập nhật)" : ""}:`,
  failed: (reason: string) => `(lỗi: ${reason})`,
  choices: "Lựa chọn",
  syncing: "Đang nạp tài liệu vào kho…",
  bye: "Tạm biệt!",
} as const;

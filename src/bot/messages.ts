/**
 * Every Vietnamese string the bot shows a user, kept together so wording is reviewed in
 * one place. Strings that go out with HTML parse mode are marked "HTML": values put into
 * them must already be escaped by the caller.
 */

export { reviewMessages, statsMessages } from "./review-messages.js";

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
    "/bantin – bản tin hằng ngày cho nhóm (quản trị viên nhóm bật/tắt, ví dụ <code>/bantin bat 07:30</code>)",
  ].join("\n"),
  /** HTML; appended to /help for admins. */
  helpAdmin: [
    "",
    "<b>Lệnh quản trị</b>",
    "<code>/cho_phep &lt;id&gt;</code> – cho phép người dùng (id dương) hoặc nhóm (id âm); hoặc trả lời tin nhắn của người cần cho phép",
    "<code>/chan &lt;id&gt;</code> – chặn người dùng hoặc nhóm",
    "/thongke – thống kê 30 ngày gần nhất: biểu đồ câu hỏi theo ngày, tài liệu được trích dẫn, giờ cao điểm",
    "/danhgia – câu trả lời bị 👎 và câu hỏi bị từ chối nhiều, cần xem lại",
    "/traloi_chinhthuc – câu trả lời chính thức của đơn vị: soạn (trả lời một câu trả lời của bot bằng lệnh này), xem, sửa, gỡ",
    "/tailieu – danh sách tài liệu trong kho (lọc theo loại, ví dụ <code>/tailieu Nghị quyết</code>); xem, tải về, xóa",
    "/nhatky – nhật ký thay đổi kho tài liệu",
    "• Gửi tệp PDF (cả bản scan), DOCX, DOC, RTF, TXT, MD hoặc HTML (tối đa 20 MB) trong chat riêng để thêm vào kho; chú thích (caption) có thể ghi tiêu đề hoặc số hiệu, ví dụ <code>Số: 18-NQ/TW</code>.",
  ].join("\n"),
  commands: {
    start: "Giới thiệu bot",
    help: "Hướng dẫn sử dụng",
    hoi: "Đặt câu hỏi (trong nhóm)",
    thongke: "Thống kê (quản trị)",
    danhgia: "Câu trả lời cần xem lại (quản trị)",
    traloi_chinhthuc: "Câu trả lời chính thức (quản trị)",
    cho_phep: "Cho phép người dùng/nhóm (quản trị)",
    chan: "Chặn người dùng/nhóm (quản trị)",
    tailieu: "Quản lý tài liệu trong kho (quản trị)",
    hieuluc: "Hiệu lực văn bản: xem và hiệu chỉnh (quản trị)",
    nhatky: "Nhật ký thay đổi kho tài liệu (quản trị)",
    bantin: "Bản tin hằng ngày của nhóm (quản trị nhóm)",
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
  /** HTML: what a voice question was heard as, before its answer. */
  voiceHeard: (text: string) => `🎙 Bạn hỏi: <i>${text}</i>`,
  voiceDisabled:
    "Bot chưa được bật nhận câu hỏi bằng giọng nói (chưa cấu hình dịch vụ chuyển giọng nói thành chữ). Xin vui lòng gõ câu hỏi.",
  voiceTooLong: (seconds: number) =>
    `Tin nhắn thoại dài quá ${seconds} giây. Xin vui lòng hỏi ngắn gọn hơn, hoặc gõ câu hỏi.`,
  voiceEmpty: "Không nghe rõ câu hỏi trong tin nhắn thoại. Xin vui lòng nói lại rõ hơn hoặc gõ câu hỏi.",
  uploadAdminOnly:
    "Cảm ơn bạn đã gửi tệp. Chỉ quản trị viên mới tải được tài liệu lên kho; nếu tài liệu cần được bổ sung, xin vui lòng gửi cho quản trị viên.",
  /** HTML. */
  stats: (s: {
    days: Array<{ day: string; questions: number }>;
    total: number;
    declined: number;
    topDocuments: Array<{ title: string; count: number }>;
    up: number;
    down: number;
    llm?: { promptTokens: number; completionTokens: number; costUsd: number };
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
      ...(s.llm && s.llm.promptTokens + s.llm.completionTokens > 0
        ? [
            "",
            `<b>Mô hình ngôn ngữ</b>: ${s.llm.promptTokens.toLocaleString("vi-VN")} token vào, ` +
              `${s.llm.completionTokens.toLocaleString("vi-VN")} token ra, ước tính ${s.llm.costUsd.toFixed(4)} USD`,
          ]
        : []),
    ].join("\n");
  },
} as const;

const MB = 1024 * 1024;
/** 21 MB, 3,5 MB. */
function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`.replace(".", ",");
}

/**
 * Strings of corpus management from Telegram: uploads (progress, card, duplicates and
 * replacements), /tailieu, /nhatky and old versions of cited passages. Values put into
 * HTML strings must be escaped by the caller.
 */
export const corpusMessages = {
  uploadPrivateOnly: "Xin vui lòng gửi tệp tài liệu trong chat riêng với bot.",
  uploadUnavailable: "Bản chạy này của bot không nhận tài liệu qua Telegram.",
  fileTooBig: (limit: number, size?: number) =>
    `Tệp quá lớn${size === undefined ? "" : ` (${megabytes(size)})`}: Telegram chỉ cho bot tải tệp tối đa ${megabytes(limit)}. Xin vui lòng tách tệp thành các phần nhỏ hơn (hoặc in lại PDF cho nhẹ hơn) rồi gửi lại.`,
  downloadFailed: "Không tải được tệp từ Telegram. Xin vui lòng gửi lại sau ít phút.",
  /** HTML. */
  progressDownloading: (name: string) => `⏳ <b>${name}</b>\nĐang tải tệp…`,
  /** HTML: an admin's link being fetched. */
  progressFetching: (url: string) => `⏳ <b>${url}</b>\nĐang tải liên kết…`,
  /** HTML. */
  progressWaiting: (name: string) => `⏳ <b>${name}</b>\nĐang chờ: một tệp khác đang được xử lý…`,
  /** HTML. */
  progressReading: (name: string, percent: number | null) =>
    `⏳ <b>${name}</b>\nĐang đọc tệp…${percent === null ? "" : ` ${percent}%`}`,
  /** HTML. */
  progressIndexing: (name: string) => `⏳ <b>${name}</b>\nĐang lập chỉ mục…`,
  /** HTML: OCR of a scan, page by page ("trang 3/12"). */
  progressOcr: (name: string, done: number, total: number) =>
    `⏳ <b>${name}</b>\nBản scan: đang nhận dạng chữ: trang ${Math.min(done + 1, total)}/${total}…`,
  /** HTML: the upload card's line on OCR'd text. */
  ocrNote: (pages: number, confidence: number) =>
    `🔎 Chữ của ${pages} trang được nhận dạng từ ảnh scan (OCR), độ tin cậy trung bình ${Math.round(confidence)}%. Nên đối chiếu trích dẫn với bản gốc.`,
  /** HTML. */
  duplicate: (title: string) =>
    `ℹ️ Tài liệu này đã có trong kho: <b>${title}</b> (cùng nội dung).\nKho tài liệu không thay đổi.`,
  /** HTML; `reason` says what the upload has in common with the documents listed. */
  conflict: (o: { reason: "number" | "name"; key: string; candidates: string[]; title: string }) =>
    [
      o.reason === "number"
        ? `⚠️ Trong kho đã có tài liệu số <b>${o.key}</b>:`
        : `⚠️ Trong kho đã có tài liệu cùng tên tệp <code>${o.key}</code>:`,
      ...o.candidates.map((c) => `• ${c}`),
      "",
      `Tệp mới: <b>${o.title}</b>`,
      "Thay thế bản cũ (bản cũ vẫn được lưu làm phiên bản trước), thêm như một tài liệu riêng, hay hủy?",
    ].join("\n"),
  /** HTML: a candidate of a conflict. */
  conflictCandidate: (title: string, version: number, updated: string) =>
    `<b>${title}</b> (phiên bản ${version}, cập nhật ${updated})`,
  buttonReplace: "🔁 Thay thế",
  buttonReplaceOne: (title: string) => `🔁 Thay thế: ${title}`,
  buttonSeparate: "➕ Thêm như tài liệu riêng",
  buttonCancel: "✖ Hủy",
  cancelled: "Đã hủy. Kho tài liệu không thay đổi.",
  choiceExpired: "Yêu cầu này đã hết hạn. Xin vui lòng gửi lại tệp.",
  replaceTargetGone: "Tài liệu cần thay thế không còn trong kho; tệp mới được thêm như tài liệu riêng.",
  /** HTML. */
  added: "✅ <b>Đã thêm tài liệu vào kho</b>",
  /** HTML. */
  replaced: (version: number) =>
    `✅ <b>Đã thay thế tài liệu</b> (nay là phiên bản ${version}; bản cũ vẫn được lưu)`,
  /** HTML; the card's fields. */
  field: (label: string, value: string) => `${label}: ${value}`,
  labels: {
    title: "Tiêu đề",
    kind: "Loại",
    number: "Số",
    date: "Ngày ban hành",
    issuer: "Cơ quan ban hành",
    pages: "Số trang",
    chunks: "Số đoạn",
    file: "Tệp",
    version: "Phiên bản",
    added: "Thêm vào kho",
    updated: "Cập nhật",
    unknown: "chưa rõ",
  },
  warningsHeading: "⚠️ Lưu ý:",
  answerableNow: "Có thể hỏi về tài liệu này ngay bây giờ.",
  /** HTML. */
  ingestFailed: (name: string, reason: string) =>
    `❌ Không thêm được tệp <b>${name}</b>:\n${reason}\n\nKho tài liệu không thay đổi.`,
  ingestCrashed: "Có lỗi khi xử lý tệp; kho tài liệu không thay đổi. Xin vui lòng thử lại.",

  /** HTML. */
  listHeading: (o: { total: number; page: number; pages: number; kind: string | null }) =>
    `📚 <b>Tài liệu trong kho</b>${o.kind ? ` – loại <b>${o.kind}</b>` : ""}: ${o.total}` +
    (o.pages > 1 ? ` (trang ${o.page}/${o.pages})` : ""),
  /** HTML. */
  listLine: (n: number, title: string, details: string) =>
    `<b>${n}.</b> ${title}${details ? ` <i>(${details})</i>` : ""}`,
  listEmpty: "Kho chưa có tài liệu nào.",
  /** HTML. */
  listEmptyKind: (kind: string) => `Không có tài liệu loại <b>${kind}</b>.`,
  listHint: "Bấm số để xem, tải về hoặc xóa một tài liệu; lọc theo loại bằng các nút bên dưới.",
  /** HTML. */
  unknownKind: (kind: string, kinds: string[]) =>
    `Không có loại tài liệu “${kind}”.${kinds.length > 0 ? ` Các loại hiện có: ${kinds.join(", ")}.` : ""}`,
  allKinds: "Tất cả",
  noKind: "Khác",
  previousPage: "◀ Trước",
  nextPage: "Sau ▶",
  buttonDownload: "⬇️ Tải về",
  buttonDelete: "🗑 Xóa",
  buttonBack: "« Danh sách",
  buttonConfirmDelete: "Xác nhận xóa",
  /** HTML. */
  confirmDelete: (title: string) =>
    `Xóa tài liệu <b>${title}</b> khỏi kho?\nSau khi xóa, bot không trả lời từ tài liệu này nữa; các phiên bản cũ của nó cũng bị xóa.`,
  /** HTML. */
  deleted: (title: string) => `🗑 Đã xóa <b>${title}</b> khỏi kho.`,
  docGone: "Tài liệu này không còn trong kho.",
  originalMissing:
    "Không còn bản gốc của tài liệu này (tài liệu được nạp trước khi bot lưu bản gốc). Xin vui lòng gửi lại tệp nếu cần.",

  /** HTML. */
  auditHeading: (o: { total: number; page: number; pages: number }) =>
    `📝 <b>Nhật ký thay đổi kho tài liệu</b>: ${o.total} thay đổi` +
    (o.pages > 1 ? ` (trang ${o.page}/${o.pages}, mới nhất trước)` : ""),
  auditEmpty: "Chưa có thay đổi nào trong kho tài liệu.",
  auditAction: (action: "added" | "replaced" | "removed", version: number) =>
    action === "added" ? "➕ Thêm" : action === "replaced" ? `🔁 Thay thế (phiên bản ${version})` : "🗑 Xóa",
  auditActor: (actorId: number | null, via: string) =>
    via === "telegram"
      ? `quản trị viên ${actorId ?? "?"} qua Telegram`
      : via === "cli"
        ? "dòng lệnh"
        : via === "sync"
          ? "đồng bộ thư mục kho khi khởi động"
          : `${actorId ?? ""} ${via}`.trim(),

  /** Appended to the title of a cited passage whose document has been replaced since. */
  oldVersion: (supersededOn: string) => `(phiên bản cũ, thay thế ngày ${supersededOn})`,
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
      "    khi là quản trị viên: /upload đường/dẫn/tệp.pdf [chú thích] để thêm tài liệu vào kho (như gửi tệp qua Telegram),",
      "    /tailieu để xem, tải về, xóa tài liệu, /nhatky để xem nhật ký thay đổi, /thongke để xem thống kê.",
      "  • /thoat (hoặc Ctrl+C) để kết thúc.",
      `Nhật ký của bot ghi ở ${opts.logFile}.`,
      "",
    ].join("\n"),
  prompt: (admin: boolean) => (admin ? "quản trị> " : "bạn> "),
  nowAdmin: (id: number) => `(Bạn đang gõ với tư cách quản trị viên, mã ${id}.)`,
  nowUser: (id: number) => `(Bạn đang gõ với tư cách cán bộ, mã ${id}.)`,
  uploadUsage: "Cách dùng: /upload đường/dẫn/tệp.pdf [chú thích, ví dụ Số: 18-NQ/TW]",
  uploadNeedsAdmin: "Chỉ quản trị viên mới tải tệp lên; gõ /admin trước.",
  fileMissing: (path: string) => `Không đọc được tệp: ${path}`,
  uploading: (name: string) => `(Đang gửi tệp ${name} cho bot…)`,
  noChoice: "Không có lựa chọn này. Hãy gõ số của một nguồn đang hiển thị, hoặc + / -.",
  noButtons: "Chưa có câu trả lời nào để chọn nguồn.",
  /** Heading of a bot message: the bot, to whom when not the current person, and whether it was edited. */
  botHeading: (to: number | undefined, edited: boolean) =>
    `Bot${to === undefined ? "" : ` → ${to}`}${edited ? " (cập nhật)" : ""}:`,
  failed: (reason: string) => `(lỗi: ${reason})`,
  /** A picture the bot sent (the terminal cannot show it; `npm run cli -- stats --png` writes /thongke's). */
  photo: (name: string, width: number, height: number) => `🖼 ${name} (ảnh ${width}×${height})`,
  choices: "Lựa chọn",
  syncing: "Đang nạp tài liệu vào kho…",
  bye: "Tạm biệt!",
} as const;

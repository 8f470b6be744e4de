/**
 * Vietnamese texts the ingestion pipeline shows an admin: error messages (the
 * `userMessage` of an `IngestError`) and warnings. Kept together so wording stays
 * consistent and can be reviewed in one place.
 */

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}

export const ingestMessages = {
  empty: "Tệp rỗng hoặc không có nội dung chữ. Xin vui lòng kiểm tra lại tệp.",
  tooLarge: (size: number, limit: number) =>
    `Tệp quá lớn (${formatMegabytes(size)}); giới hạn là ${formatMegabytes(limit)}. Xin vui lòng tách tệp thành các phần nhỏ hơn.`,
  unsupportedType:
    "Định dạng tệp không được hỗ trợ. Xin vui lòng gửi tệp PDF, Word (DOCX, DOC), RTF, HTML, Markdown hoặc văn bản thuần (TXT).",
  unsupportedZip:
    "Tệp nén này không phải văn bản Word (DOCX). Xin vui lòng gửi tệp PDF, DOCX, HTML, Markdown hoặc TXT.",
  notUtf8:
    "Tệp văn bản không dùng bảng mã Unicode (UTF-8). Xin vui lòng mở tệp và lưu lại với bảng mã UTF-8 rồi gửi lại.",
  pdfEncrypted:
    "PDF được bảo vệ bằng mật khẩu nên không đọc được. Xin vui lòng gửi bản PDF không đặt mật khẩu.",
  pdfScanned: "PDF không có lớp văn bản: cần bản có chữ, không phải bản scan",
  pdfCorrupt: "Tệp PDF bị hỏng hoặc không đầy đủ nên không đọc được. Xin vui lòng gửi lại bản PDF khác.",
  docxZipBomb:
    "Tệp DOCX có cấu trúc nén bất thường (dung lượng giải nén quá lớn) nên đã bị từ chối vì lý do an toàn.",
  docxCorrupt:
    "Tệp DOCX bị hỏng hoặc không đúng cấu trúc Word nên không đọc được. Xin vui lòng lưu lại và gửi lại.",
  garbledControl:
    "Nội dung tệp chứa nhiều ký tự điều khiển, có thể là tệp nhị phân hoặc bị hỏng. Xin vui lòng kiểm tra lại tệp.",
  garbledReplacement:
    "Nội dung tệp có nhiều ký tự lỗi (�), có thể do sai bảng mã hoặc phông chữ. Xin vui lòng gửi bản Unicode khác.",
  garbledLegacy: (encoding: "TCVN3" | "VNI" | "unknown") =>
    encoding === "TCVN3"
      ? "Văn bản dùng phông chữ cũ TCVN3 (ABC, ví dụ .VnTime) nên hiển thị sai dấu tiếng Việt. Xin vui lòng chuyển sang Unicode (ví dụ bằng Unikey) rồi gửi lại."
      : encoding === "VNI"
        ? "Văn bản dùng phông chữ cũ VNI (ví dụ VNI-Times) nên hiển thị sai dấu tiếng Việt. Xin vui lòng chuyển sang Unicode (ví dụ bằng Unikey) rồi gửi lại."
        : "Văn bản bị sai bảng mã nên hiển thị sai dấu tiếng Việt. Xin vui lòng chuyển sang Unicode rồi gửi lại.",
  warnPagesWithoutText: (pages: number[]) =>
    `Các trang ${pages.join(", ")} không có lớp văn bản (có thể là ảnh scan); nội dung các trang này chưa được đưa vào.`,
  warnPartlyLegacy:
    "Một phần văn bản có vẻ dùng phông chữ cũ (TCVN3/VNI) nên có thể hiển thị sai dấu ở những đoạn đó.",
  warnSomeReplacement:
    "Một số ký tự trong văn bản không đọc được (�); trích dẫn ở những chỗ đó có thể thiếu chữ.",
  parseTimeout: (seconds: number) =>
    `Đọc tệp mất quá nhiều thời gian (quá ${seconds} giây) nên đã dừng lại để bot tiếp tục phục vụ mọi người. Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng tách tệp thành các phần nhỏ hơn, hoặc lưu lại dưới dạng PDF có lớp chữ, DOCX hay TXT.`,
  parseOutOfMemory:
    "Tệp cần quá nhiều bộ nhớ để đọc (cấu trúc bất thường hoặc quá phức tạp) nên đã bị từ chối vì lý do an toàn. Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng tách tệp hoặc lưu lại dưới dạng khác.",
  parseCrashed:
    "Có lỗi bất ngờ khi đọc tệp. Có thể thử gửi lại sau ít phút; nếu vẫn lỗi, xin vui lòng lưu lại tệp dưới dạng khác.",
  parseFailed:
    "Không đọc được nội dung tệp vì cấu trúc bất thường. Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng lưu lại tệp (ví dụ dưới dạng PDF có lớp chữ, DOCX hay TXT) rồi gửi.",
  pdfInflateTooLarge:
    'Tệp PDF chứa dữ liệu nén bất thường (giải nén ra quá lớn) nên đã bị từ chối vì lý do an toàn. Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng in lại ra PDF ("Lưu dưới dạng PDF") rồi gửi.',
  docxTooComplex:
    "Tệp DOCX có phần nội dung XML quá lớn hoặc quá nhiều thành phần nên đã bị từ chối vì lý do an toàn. Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng tách văn bản hoặc lưu lại dưới dạng PDF.",
  htmlTooDeep: (limit: number) =>
    `Trang HTML có các thẻ lồng nhau quá sâu (hơn ${limit} tầng), không phải một trang văn bản bình thường, nên đã bị từ chối. Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng lưu nội dung dưới dạng TXT hoặc PDF.`,
  textTooLong: (chars: number, limit: number) =>
    `Văn bản quá dài (${Math.round(chars / 1000).toLocaleString("vi-VN")} nghìn ký tự; giới hạn ${Math.round(limit / 1000).toLocaleString("vi-VN")} nghìn). Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng tách thành các phần nhỏ hơn.`,
  tooFewWords: (minimum: number) =>
    `Tệp không có đủ chữ để là một văn bản (cần ít nhất ${minimum} từ tiếng Việt hoặc tiếng Latinh). Xin vui lòng kiểm tra lại tệp.`,
  repetitive:
    "Nội dung tệp chỉ lặp đi lặp lại một vài từ, không phải một văn bản. Xin vui lòng kiểm tra lại tệp.",
  script:
    "Tệp này là mã lệnh (script hoặc chương trình), không phải văn bản tài liệu, nên không được nhận dù tên tệp là gì. Xin vui lòng gửi văn bản PDF, DOCX, HTML, Markdown hoặc TXT.",
  warnPdfPageLimit: (pages: number, limit: number) =>
    `Tệp PDF có ${pages} trang; chỉ ${limit} trang đầu được đưa vào. Xin vui lòng gửi phần còn lại thành tệp riêng.`,
  warnDocx: "Một số thành phần của tệp DOCX không đọc được và đã được bỏ qua.",
  linkInvalid: "Liên kết không hợp lệ: chỉ nhận địa chỉ http:// hoặc https:// tới một trang hoặc một tệp.",
  linkCredentials:
    "Liên kết có chứa tên đăng nhập hoặc mật khẩu nên không được dùng. Xin vui lòng gửi liên kết công khai, hoặc tải tệp về rồi gửi tệp.",
  linkPrivate:
    "Liên kết trỏ tới địa chỉ nội bộ (mạng riêng hoặc máy chủ này) nên bị từ chối vì lý do an toàn. Nếu đó là cổng thông tin nội bộ của đơn vị, người quản trị máy chủ cần thêm nó vào LINK_ALLOW_HOSTS; hoặc xin vui lòng tải tệp về rồi gửi tệp.",
  linkTooLarge: (limit: number) =>
    `Trang hoặc tệp ở liên kết quá lớn (giới hạn ${formatMegabytes(limit)}) nên không được tải. Xin vui lòng gửi liên kết tới tệp nhỏ hơn.`,
  linkTimeout: (seconds: number) =>
    `Máy chủ ở liên kết không trả lời kịp (quá ${seconds} giây). Có thể thử gửi lại sau ít phút, hoặc tải tệp về rồi gửi tệp.`,
  linkStatus: (status: number) =>
    `Không tải được liên kết: máy chủ trả lời mã lỗi ${status}. Xin vui lòng kiểm tra lại liên kết.`,
  linkRedirects:
    "Liên kết chuyển hướng quá nhiều lần nên không tải được. Xin vui lòng gửi liên kết trực tiếp tới trang hoặc tệp.",
  linkFailed:
    "Không kết nối được tới địa chỉ trong liên kết. Xin vui lòng kiểm tra lại liên kết, hoặc tải tệp về rồi gửi tệp.",
  docNotWord:
    "Tệp này là tệp Office cũ nhưng không phải văn bản Word (có thể là Excel hoặc PowerPoint). Xin vui lòng gửi văn bản Word (DOC, DOCX), PDF hoặc TXT.",
  docCorrupt:
    "Tệp Word (.doc) bị hỏng hoặc không đúng cấu trúc nên không đọc được. Xin vui lòng mở tệp bằng Word, lưu lại dưới dạng DOCX hoặc PDF rồi gửi.",
  rtfUnreadable:
    "Tệp RTF không đọc được (cấu trúc bất thường). Xin vui lòng mở tệp bằng Word, lưu lại dưới dạng DOCX hoặc PDF rồi gửi.",
  ocrTimeout: (seconds: number, done: number, pages: number) =>
    `Nhận dạng chữ (OCR) các trang scan vượt quá thời gian cho phép (${seconds} giây; mới đọc được ${done}/${pages} trang) nên đã dừng lại, kho tài liệu không thay đổi. Gửi lại nguyên tệp này sẽ không giúp được; xin vui lòng tách tệp thành các phần ít trang hơn, hoặc gửi bản PDF có lớp chữ.`,
  ocrNoText:
    "PDF là bản scan nhưng nhận dạng chữ (OCR) không đọc được chữ nào trên các trang. Xin vui lòng gửi bản scan rõ hơn hoặc bản có lớp chữ.",
  ocrLowConfidence: (confidence: number) =>
    `PDF là bản scan nhưng chữ nhận dạng được (OCR) không đủ tin cậy (trung bình ${Math.round(confidence)}%) nên không đưa vào kho để tránh trích dẫn sai. Xin vui lòng gửi bản scan rõ hơn (thẳng, đủ sáng, từ 200 dpi) hoặc bản có lớp chữ.`,
  warnOcrLowConfidence: (pages: number[], floor: number) =>
    `Các trang ${pages.join(", ")} là ảnh scan nhận dạng chữ kém tin cậy (dưới ${floor}%) nên chưa được đưa vào.`,
  warnOcrPageLimit: (pages: number[], limit: number) =>
    `Chỉ ${limit} trang scan đầu được nhận dạng chữ (OCR); các trang ${pages.join(", ")} chưa được đưa vào.`,
} as const;

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
    "Định dạng tệp không được hỗ trợ. Xin vui lòng gửi tệp PDF (có lớp chữ), DOCX, HTML, Markdown hoặc văn bản thuần (TXT).",
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
  warnDocx: "Một số thành phần của tệp DOCX không đọc được và đã được bỏ qua.",
} as const;

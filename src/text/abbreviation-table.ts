/**
 * One administrative abbreviation as written in Party and State documents.
 * `caseSensitive` entries are matched only when written exactly as `abbr`, because
 * their lower-case form is an ordinary Vietnamese word ("TƯ" trung ương vs "tư";
 * "TU" tỉnh ủy vs "tu") or something else ("vn" in domain names). The others match in any case and, when typed without
 * diacritics, by their folded form ("hdnd" → HĐND).
 */
export interface AbbreviationEntry {
  /** As written, e.g. "UBND", "NĐ-CP", "TTg"; a hyphen joins two tokens. */
  abbr: string;
  /** Lower case, old-style tone placement, syllables separated by spaces. */
  expansion: string;
  caseSensitive?: boolean;
  /**
   * Matched in any case but only with its marks: "GĐ", "gđ" are giám đốc, while "GD",
   * "gd" (how "GĐ" folds) are giáo dục.
   */
  markedOnly?: boolean;
}

/**
 * Data only: the abbreviations expanded at index and query time. Ambiguous ones are
 * left out on purpose (HĐ hội đồng/hợp đồng/hoạt động, KT kinh tế/kiểm tra, ĐH đại
 * hội/đại học, LĐ lãnh đạo/lao động, TT thông tư/thường trực/thị trấn): a wrong
 * expansion costs more than none.
 */
export const ABBREVIATIONS: readonly AbbreviationEntry[] = [
  // Party organs and documents
  { abbr: "ĐCSVN", expansion: "đảng cộng sản việt nam" },
  { abbr: "CSVN", expansion: "cộng sản việt nam" },
  { abbr: "TW", expansion: "trung ương" },
  { abbr: "TƯ", expansion: "trung ương", caseSensitive: true },
  { abbr: "BCH", expansion: "ban chấp hành" },
  { abbr: "BCHTW", expansion: "ban chấp hành trung ương" },
  { abbr: "BCT", expansion: "bộ chính trị" },
  { abbr: "BBT", expansion: "ban bí thư" },
  { abbr: "TBT", expansion: "tổng bí thư" },
  { abbr: "BTV", expansion: "ban thường vụ" },
  { abbr: "UVBCT", expansion: "ủy viên bộ chính trị" },
  { abbr: "UVTW", expansion: "ủy viên trung ương" },
  { abbr: "UV", expansion: "ủy viên" },
  // "BT Thành ủy": upper case only ("bt" is typed for other things).
  { abbr: "BT", expansion: "bí thư", caseSensitive: true },
  { abbr: "PBT", expansion: "phó bí thư" },
  { abbr: "UBKT", expansion: "ủy ban kiểm tra" },
  { abbr: "UBKTTW", expansion: "ủy ban kiểm tra trung ương" },
  { abbr: "BTC", expansion: "ban tổ chức" },
  { abbr: "BTCTW", expansion: "ban tổ chức trung ương" },
  { abbr: "BTG", expansion: "ban tuyên giáo" },
  { abbr: "BDV", expansion: "ban dân vận" },
  { abbr: "BCĐ", expansion: "ban chỉ đạo" },
  { abbr: "TGDV", expansion: "tuyên giáo và dân vận" },
  { abbr: "BTGDV", expansion: "ban tuyên giáo và dân vận" },
  { abbr: "HNTW", expansion: "hội nghị trung ương" },
  { abbr: "TU", expansion: "tỉnh ủy", caseSensitive: true },
  { abbr: "HU", expansion: "huyện ủy", caseSensitive: true },
  { abbr: "ĐU", expansion: "đảng ủy", caseSensitive: true },
  { abbr: "ĐUK", expansion: "đảng ủy khối" },
  { abbr: "UBTƯ", expansion: "ủy ban trung ương" },
  { abbr: "NQ", expansion: "nghị quyết" },
  { abbr: "KL", expansion: "kết luận" },
  { abbr: "CT", expansion: "chỉ thị" },
  { abbr: "QĐ", expansion: "quyết định" },
  { abbr: "HD", expansion: "hướng dẫn" },
  { abbr: "TB", expansion: "thông báo" },
  { abbr: "BC", expansion: "báo cáo" },
  { abbr: "CV", expansion: "công văn" },
  { abbr: "TTr", expansion: "tờ trình" },
  { abbr: "KH", expansion: "kế hoạch" },
  { abbr: "TCCB", expansion: "tổ chức cán bộ" },
  { abbr: "CB", expansion: "cán bộ" },
  { abbr: "CBCC", expansion: "cán bộ công chức" },
  { abbr: "CCVC", expansion: "công chức viên chức" },
  { abbr: "CBCCVC", expansion: "cán bộ công chức viên chức" },
  { abbr: "NLĐ", expansion: "người lao động" },
  { abbr: "PCT", expansion: "phó chủ tịch" },
  { abbr: "GĐ", expansion: "giám đốc", markedOnly: true },
  { abbr: "PGĐ", expansion: "phó giám đốc", markedOnly: true },
  { abbr: "TGĐ", expansion: "tổng giám đốc", markedOnly: true },
  { abbr: "ĐVSNCL", expansion: "đơn vị sự nghiệp công lập" },
  { abbr: "CQCM", expansion: "cơ quan chuyên môn" },
  // State
  { abbr: "CHXHCN", expansion: "cộng hòa xã hội chủ nghĩa" },
  { abbr: "CHXHCNVN", expansion: "cộng hòa xã hội chủ nghĩa việt nam" },
  { abbr: "XHCN", expansion: "xã hội chủ nghĩa" },
  { abbr: "CNXH", expansion: "chủ nghĩa xã hội" },
  { abbr: "QH", expansion: "quốc hội" },
  { abbr: "UBTVQH", expansion: "ủy ban thường vụ quốc hội" },
  { abbr: "ĐBQH", expansion: "đại biểu quốc hội" },
  { abbr: "CTN", expansion: "chủ tịch nước" },
  { abbr: "CP", expansion: "chính phủ" },
  { abbr: "NĐ", expansion: "nghị định" },
  { abbr: "NĐ-CP", expansion: "nghị định chính phủ" },
  { abbr: "TTg", expansion: "thủ tướng" },
  { abbr: "PTT", expansion: "phó thủ tướng" },
  { abbr: "VPCP", expansion: "văn phòng chính phủ" },
  { abbr: "BNV", expansion: "bộ nội vụ" },
  { abbr: "BTP", expansion: "bộ tư pháp" },
  { abbr: "BCA", expansion: "bộ công an" },
  { abbr: "BQP", expansion: "bộ quốc phòng" },
  // Ministries' fields, as cadres shorten them ("bộ TTTT", "Sở KHĐT")
  { abbr: "TTTT", expansion: "thông tin truyền thông" },
  { abbr: "KHCN", expansion: "khoa học công nghệ" },
  { abbr: "KHĐT", expansion: "kế hoạch đầu tư" },
  { abbr: "TNMT", expansion: "tài nguyên môi trường" },
  { abbr: "NNPTNT", expansion: "nông nghiệp phát triển nông thôn" },
  { abbr: "LĐTBXH", expansion: "lao động thương binh xã hội" },
  { abbr: "VHTTDL", expansion: "văn hóa thể thao du lịch" },
  { abbr: "GTVT", expansion: "giao thông vận tải" },
  { abbr: "VHNT", expansion: "văn hóa nghệ thuật" },
  { abbr: "CNTT", expansion: "công nghệ thông tin" },
  { abbr: "CCCD", expansion: "căn cước công dân" },
  { abbr: "UBND", expansion: "ủy ban nhân dân" },
  { abbr: "HĐND", expansion: "hội đồng nhân dân" },
  { abbr: "UB", expansion: "ủy ban" },
  { abbr: "VKSND", expansion: "viện kiểm sát nhân dân" },
  { abbr: "TAND", expansion: "tòa án nhân dân" },
  { abbr: "CAND", expansion: "công an nhân dân" },
  { abbr: "QĐND", expansion: "quân đội nhân dân" },
  { abbr: "LLVT", expansion: "lực lượng vũ trang" },
  { abbr: "CA", expansion: "công an", caseSensitive: true },
  { abbr: "ĐVHC", expansion: "đơn vị hành chính" },
  { abbr: "DTTS", expansion: "dân tộc thiểu số" },
  { abbr: "BCHQS", expansion: "ban chỉ huy quân sự" },
  { abbr: "CHQS", expansion: "chỉ huy quân sự" },
  { abbr: "DQTV", expansion: "dân quân tự vệ" },
  { abbr: "HTX", expansion: "hợp tác xã" },
  { abbr: "CQĐP", expansion: "chính quyền địa phương" },
  { abbr: "HCNN", expansion: "hành chính nhà nước" },
  { abbr: "QLNN", expansion: "quản lý nhà nước" },
  { abbr: "NSNN", expansion: "ngân sách nhà nước" },
  { abbr: "DNNN", expansion: "doanh nghiệp nhà nước" },
  { abbr: "TTHC", expansion: "thủ tục hành chính" },
  { abbr: "CCHC", expansion: "cải cách hành chính" },
  { abbr: "BQL", expansion: "ban quản lý" },
  { abbr: "TP", expansion: "thành phố" },
  { abbr: "TX", expansion: "thị xã" },
  { abbr: "TPHCM", expansion: "thành phố hồ chí minh" },
  { abbr: "HCM", expansion: "hồ chí minh" },
  // Lower-case "vn" is nearly always a domain name (baochinhphu.vn).
  { abbr: "VN", expansion: "việt nam", caseSensitive: true },
  // Mass organisations
  { abbr: "MTTQ", expansion: "mặt trận tổ quốc" },
  { abbr: "MTTQVN", expansion: "mặt trận tổ quốc việt nam" },
  { abbr: "UBMTTQ", expansion: "ủy ban mặt trận tổ quốc" },
  { abbr: "UBMTTQVN", expansion: "ủy ban mặt trận tổ quốc việt nam" },
  { abbr: "TTBDCT", expansion: "trung tâm bồi dưỡng chính trị" },
  { abbr: "ĐTN", expansion: "đoàn thanh niên" },
  { abbr: "TNCS", expansion: "thanh niên cộng sản" },
  { abbr: "HLHPN", expansion: "hội liên hiệp phụ nữ" },
  { abbr: "HND", expansion: "hội nông dân" },
  { abbr: "HCCB", expansion: "hội cựu chiến binh" },
  { abbr: "LĐLĐ", expansion: "liên đoàn lao động" },
  { abbr: "TTXVN", expansion: "thông tấn xã việt nam" },
  // Policy vocabulary
  { abbr: "KT-XH", expansion: "kinh tế xã hội" },
  { abbr: "ANQP", expansion: "an ninh quốc phòng" },
  { abbr: "QP-AN", expansion: "quốc phòng an ninh" },
  { abbr: "QPAN", expansion: "quốc phòng an ninh" },
  { abbr: "CNH", expansion: "công nghiệp hóa" },
  { abbr: "HĐH", expansion: "hiện đại hóa" },
  { abbr: "PCTN", expansion: "phòng chống tham nhũng" },
  { abbr: "THTK", expansion: "thực hành tiết kiệm" },
  { abbr: "BHXH", expansion: "bảo hiểm xã hội" },
  { abbr: "BHYT", expansion: "bảo hiểm y tế" },
  { abbr: "BHTN", expansion: "bảo hiểm thất nghiệp" },
  { abbr: "GDĐT", expansion: "giáo dục đào tạo" },
  { abbr: "BĐS", expansion: "bất động sản" },
  { abbr: "ATGT", expansion: "an toàn giao thông" },
  { abbr: "TNHH", expansion: "trách nhiệm hữu hạn" },
  // Titles
  { abbr: "GS", expansion: "giáo sư" },
  { abbr: "PGS", expansion: "phó giáo sư" },
  { abbr: "TS", expansion: "tiến sĩ" },
  { abbr: "ThS", expansion: "thạc sĩ" },
];

import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { foldForSituation, holdsSituationFolded } from "../retrieval/situation.js";
import { holdsCodes } from "./asked-codes.js";
import { namesDocuments } from "./document-context.js";
import { originAskedOf } from "./naming-reason.js";
import { isNamedDocument } from "./reference-only.js";
import type { Passage } from "./types.js";

/**
 * Whether a passage is in the question's situation: the place, year or term of office
 * it names (unless the passage's document was found to be in it, or is the document the
 * question names), the codes it names ("hạng B2"), and, when a document it names is
 * held, that document's own passages or passages naming it. `passageText`: the passage
 * with its title and headings. Pure.
 */
export function passageInSituation(
  question: QuestionAnalysis | undefined,
  passage: Passage,
  passageText: string,
  codes: readonly string[],
  namedDocumentHeld: boolean,
): boolean {
  if (question === undefined) return true;
  const named = isNamedDocument(question, passage.doc.number);
  const situation =
    question.situation.length === 0 ||
    passage.docInSituation === true ||
    named ||
    holdsSituationWithOpening(question.situation, passageText, passage.docOpening) ||
    holdsNameAsked(question, passageText);
  // When none of the named documents is held, any passage may speak (its sentences are
  // judged by `namesOnlyOtherDocuments`).
  const onNamedDocuments =
    !namedDocumentHeld || named || namesDocuments(passageText, question.documentNumbers);
  return situation && holdsCodes(codes, passageText) && onNamedDocuments;
}

/**
 * Whether the passage, read with its document's opening, names the situation: the ward
 * asked in the passage ("... phần còn lại của phường Cầu Ông Lãnh ..."), the city in the
 * opening ("Phường Bàn Cờ TP Hồ Chí Minh ..."). Each name may be in either.
 */
function holdsSituationWithOpening(
  situation: readonly string[],
  passageText: string,
  opening?: string,
): boolean {
  const folded = foldForSituation(passageText, situation);
  return (
    holdsSituationFolded(situation, folded) ||
    (opening !== undefined && holdsSituationFolded(situation, `${folded}\n${opening}`))
  );
}

/**
 * "vì sao phường mới gộp từ P. Võ Thị Sáu được đặt tên Xuân Hòa": the name asked locates
 * the passage (the page on Xuân Hòa); the units it was made of are its history, which
 * that page need not name.
 */
function holdsNameAsked(question: QuestionAnalysis, passageText: string): boolean {
  const name = originAskedOf(question);
  return (
    name !== undefined &&
    question.situation.includes(name) &&
    holdsSituationFolded([name], foldForSituation(passageText, [name]))
  );
}

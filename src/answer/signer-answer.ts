import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import type { DocumentStore } from "../store/types.js";
import { toCitation } from "./extractive.js";
import { labelOf } from "./in-force.js";
import { isNamedDocument } from "./reference-only.js";
import { findSignature, signatureSentence } from "./signature.js";
import type { Citation, Passage } from "./types.js";
import { asksSigner } from "./who-evidence.js";

/** Named documents whose passages are read for a signature, at most (in rank order). */
const MAX_DOCUMENTS_READ = 3;

/**
 * "CV 10988/BNV-CQĐP ... ai ký?": when the question asks who signed a document it names
 * by number and the store holds it, the answer is the signer its own text shows (see
 * signature.ts), cited to the passage that shows it; null otherwise (the sentences are
 * read as for any question: a news page saying who signed answers then).
 */
export async function answerSigner(
  question: QuestionAnalysis | undefined,
  hits: readonly Passage[],
  documents: Pick<DocumentStore, "getChunks"> | undefined,
): Promise<{ answer: string; citations: Citation[] } | null> {
  if (question === undefined || documents === undefined || !asksSigner(question)) return null;
  const read = new Set<string>();
  for (const hit of hits) {
    if (read.size === MAX_DOCUMENTS_READ) break;
    if (read.has(hit.doc.docId) || !isNamedDocument(question, hit.doc.number)) continue;
    read.add(hit.doc.docId);
    const signature = findSignature(await documents.getChunks(hit.doc.docId));
    if (signature === null) continue;
    return {
      answer: signatureSentence(labelOf(hit.doc), signature),
      citations: [toCitation(1, { ...hit, chunk: signature.chunk })],
    };
  }
  return null;
}

/*
 * Learning the sentence ranker's weights (src/answer/sentence-ranker.ts) from questions
 * whose right sentences are known: a listwise logistic model. For each question, the
 * candidates' linear scores go through a softmax; training raises the probability of the
 * candidates that hold the answer, with an L2 penalty that keeps the weights small (a
 * few hundred questions, a dozen features). Pure: `bench/learn-ranker.ts` collects the
 * groups and writes the model.
 */

/** One question's candidates: features, whether each holds the answer, whether it may lead. */
export interface RankingGroup {
  id: string;
  candidates: Array<{ features: readonly number[]; positive: boolean; answers: boolean }>;
}

export interface TrainingOptions {
  /** L2 penalty on the weights. */
  l2: number;
  /** Gradient steps (full batch, Adam). */
  steps: number;
  learningRate: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { l2: 0.3, steps: 400, learningRate: 0.05 };

/** Groups a ranker can learn from: at least one candidate holds the answer and one does not. */
export function learnableGroups(groups: readonly RankingGroup[]): RankingGroup[] {
  return groups.filter((g) => g.candidates.some((c) => c.positive) && g.candidates.some((c) => !c.positive));
}

function dot(weights: readonly number[], features: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < features.length; i++) sum += weights[i]! * features[i]!;
  return sum;
}

/**
 * The mean over groups of −log P(a positive candidate), P the softmax of the linear
 * scores, plus the L2 penalty; and its gradient.
 */
export function listwiseLoss(
  weights: readonly number[],
  groups: readonly RankingGroup[],
  l2: number,
): { loss: number; gradient: number[] } {
  const gradient = weights.map((w) => 2 * l2 * w);
  let loss = weights.reduce((sum, w) => sum + l2 * w * w, 0);
  if (groups.length === 0) return { loss, gradient };
  for (const group of groups) {
    const scores = group.candidates.map((c) => dot(weights, c.features));
    const top = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - top));
    const all = exps.reduce((a, b) => a + b, 0);
    const pos = exps.reduce((a, e, i) => a + (group.candidates[i]!.positive ? e : 0), 0);
    loss += -Math.log(pos / all) / groups.length;
    // d(−log pos/all)/dw = E_all[f] − E_pos[f]
    group.candidates.forEach((c, i) => {
      const pAll = exps[i]! / all;
      const pPos = c.positive ? exps[i]! / pos : 0;
      for (let k = 0; k < gradient.length; k++)
        gradient[k]! += ((pAll - pPos) * c.features[k]!) / groups.length;
    });
  }
  return { loss, gradient };
}

/** Weights minimizing `listwiseLoss`, from zero, by Adam. */
export function trainRanker(
  groups: readonly RankingGroup[],
  featureCount: number,
  options: TrainingOptions = DEFAULT_TRAINING,
): number[] {
  const weights = new Array<number>(featureCount).fill(0);
  const m = new Array<number>(featureCount).fill(0);
  const v = new Array<number>(featureCount).fill(0);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let step = 1; step <= options.steps; step++) {
    const { gradient } = listwiseLoss(weights, groups, options.l2);
    for (let k = 0; k < featureCount; k++) {
      m[k] = beta1 * m[k]! + (1 - beta1) * gradient[k]!;
      v[k] = beta2 * v[k]! + (1 - beta2) * gradient[k]! ** 2;
      const mHat = m[k]! / (1 - beta1 ** step);
      const vHat = v[k]! / (1 - beta2 ** step);
      weights[k]! -= (options.learningRate * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
  return weights;
}

/**
 * Whether the sentence that would lead holds the answer: the best-ranked candidate among
 * those allowed to answer (all of them when none is). `weights` undefined keeps the
 * candidates' given order (the composer's score).
 */
export function leadIsRight(group: RankingGroup, weights?: readonly number[]): boolean {
  const allowed = group.candidates.some((c) => c.answers)
    ? group.candidates.filter((c) => c.answers)
    : group.candidates;
  if (allowed.length === 0) return false;
  if (weights === undefined) return allowed[0]!.positive;
  let best = allowed[0]!;
  let bestScore = dot(weights, best.features);
  for (const c of allowed.slice(1)) {
    const score = dot(weights, c.features);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best.positive;
}

/**
 * k-fold cross-validation by question: the share of held-out questions whose lead is
 * right, with the given order and with weights learned on the other folds.
 */
export function crossValidate(
  groups: readonly RankingGroup[],
  featureCount: number,
  folds: number,
  foldOf: (id: string) => number,
  options: TrainingOptions = DEFAULT_TRAINING,
  /** Groups learned from in every fold, never held out (another source of questions). */
  extra: readonly RankingGroup[] = [],
): { given: number; learned: number; questions: number } {
  let given = 0;
  let learned = 0;
  for (let fold = 0; fold < folds; fold++) {
    const held = groups.filter((g) => foldOf(g.id) === fold);
    const train = learnableGroups([...groups.filter((g) => foldOf(g.id) !== fold), ...extra]);
    const weights = trainRanker(train, featureCount, options);
    for (const g of held) {
      if (leadIsRight(g)) given++;
      if (leadIsRight(g, weights)) learned++;
    }
  }
  const n = Math.max(1, groups.length);
  return { given: given / n, learned: learned / n, questions: groups.length };
}

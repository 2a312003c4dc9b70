import type { DyadDocument, Finding, Mention, Observation, Timex } from '../../domain/model.js';
import { findingId, type Stage, type StageContext } from '../pipeline.js';
import type { TextRange } from '../sentences.js';
import {
  chooseIndicator,
  type IndicatorFamily,
  indicatorFamily,
  isChange,
  isDecline,
  isMoney,
  levelOf,
} from './indicators.js';
import { findQuantities, type Quantity } from './quantities.js';
import {
  clauseAt,
  end,
  isSubjectPosition,
  mentionState,
  parenthesesAround,
  RELATIONAL_BEFORE,
  type SentenceContext,
  sentenceContexts,
  start,
} from './text-context.js';

export const FIGURES_EXTRACTOR = { name: 'figures', version: '1' } as const;

/** Every quantity in the document with its unit, scale, indicator, actors and period. */
export const figureStage: Stage = {
  extractor: FIGURES_EXTRACTOR,
  run(document: DyadDocument, findingsSoFar: readonly Finding[], stageContext: StageContext): Observation[] {
    const contexts = sentenceContexts(document, findingsSoFar);
    const timexSpans = findingsSoFar.filter((f): f is Timex => f.kind === 'timex');
    const observations: Observation[] = [];
    const ids = new Set<string>();
    let previous: readonly Draft[] = [];
    let previousContext: SentenceContext | null = null;
    for (const sentence of contexts) {
      const drafts: Draft[] = [];
      const quantities = findQuantities(sentence.text).map((q) => shift(q, sentence.start));
      // "US$113m": the currency's "US" names no actor.
      const context: SentenceContext = {
        ...sentence,
        mentions: sentence.mentions.filter(
          (m) => !quantities.some((q) => start(m) < q.end && end(m) > q.start),
        ),
      };
      for (const quantity of quantities) {
        if (timexSpans.some((t) => quantity.numberStart >= start(t) && quantity.numberStart < end(t)))
          continue;
        const draft = interpret(
          document,
          context,
          quantity,
          drafts,
          previous,
          previousContext,
          stageContext.dct,
        );
        if (draft) drafts.push(draft);
      }
      for (const draft of drafts) observations.push(toObservation(document, draft, ids));
      if (drafts.length > 0) previous = drafts;
      previousContext = context;
    }
    return observations;
  },
};

interface Draft {
  readonly quantity: Quantity;
  readonly evidence: TextRange;
  readonly indicator: string;
  readonly family: IndicatorFamily;
  readonly subject: string | null;
  readonly partner: string | null;
  readonly period: string | null;
  readonly value: number;
}

function shift(quantity: Quantity, by: number): Quantity {
  return {
    ...quantity,
    start: quantity.start + by,
    end: quantity.end + by,
    numberStart: quantity.numberStart + by,
  };
}

function interpret(
  document: DyadDocument,
  context: SentenceContext,
  quantity: Quantity,
  earlier: readonly Draft[],
  previous: readonly Draft[],
  previousContext: SentenceContext | null,
  dct: string | null,
): Draft | null {
  const text = document.text;
  const sentence: TextRange = { start: context.start, end: context.end };
  const clause = clauseAt(context, quantity.numberStart);
  const parentheses = parenthesesAround(text, quantity.numberStart, sentence);
  // Inside parentheses the figure elaborates the last figure before them, not its neighbour in the parentheses.
  const governing =
    [...earlier].reverse().find((d) => !parentheses || d.quantity.numberStart < parentheses.start) ?? null;
  const beforeInParentheses = parentheses ? text.slice(parentheses.start + 1, quantity.start).trim() : '';
  const headActor =
    parentheses && beforeInParentheses === ''
      ? actorEndingAt(context.mentions, text, parentheses.start)
      : null;
  const lead = /(\w+)\s*$/.exec(beforeInParentheses)?.[1] ?? '';
  const elaboration =
    parentheses !== null &&
    governing !== null &&
    !headActor &&
    (beforeInParentheses === '' || /^(?:from|to|and|or|about|some|approximately)$/i.test(lead));
  const ofWhich = governing !== null && /^\s*of which\b/i.test(text.slice(clause.start, clause.end));
  const headedActors = new Set(context.mentions.filter((m) => isParenthesisHead(m, text)).map((m) => m.id));

  const beforeClause = blankParentheses(text, clause.start, quantity.numberStart, parentheses);
  const afterClause = blankParentheses(text, quantity.end, clause.end, parentheses);
  let indicator: string | null = null;
  if (headActor && governing) indicator = governing.indicator;
  else if (elaboration && governing)
    indicator = isMoney(quantity.unit) ? levelOf(governing.indicator) : governing.indicator;
  else {
    indicator =
      chooseIndicator(quantity.unit, quantity.noun, beforeClause, afterClause) ??
      (governing && sameKind(governing.quantity, quantity) ? governing.indicator : null) ??
      chooseIndicator(
        quantity.unit,
        quantity.noun,
        blankParentheses(text, context.start, quantity.numberStart, parentheses),
        text.slice(quantity.end, context.end),
      ) ??
      fallbackIndicator(quantity, afterClause);
  }
  if (!indicator) return null;
  // "trade rose 26.3%": a percentage after a verb of change measures the change of the level it governs.
  if (
    quantity.unit === 'percent' &&
    !headActor &&
    !elaboration &&
    isChange(beforeClause, afterClause) &&
    !indicator.endsWith('_change')
  ) {
    const level = chooseIndicator('USD', null, beforeClause, afterClause);
    indicator = `${level ?? (indicator === 'share' ? 'value' : indicator)}_change`;
  }
  // "300,000 barrels per day", "250,000 shells a month": a rate.
  const rate =
    /^\s*(?:per|a|an|each|every)\s+(day|week|month|year|barrel|tonne|ton|unit|head|capita)\b/i.exec(
      text.slice(evidenceRange(text, quantity, clause).end, clause.end),
    );
  if (rate?.[1] && quantity.unit !== 'percent')
    indicator =
      isMoney(quantity.unit) && /^(?:barrel|tonne|ton|unit)$/i.test(rate[1])
        ? `price_per_${rate[1].toLowerCase()}`
        : `${indicator}_per_${rate[1].toLowerCase()}`;
  // "GDP per capita is about $2,400".
  else if (
    /\bper (?:capita|head|person)\b[^.;]{0,30}$/i.test(beforeClause) &&
    !indicator.endsWith('_per_capita')
  )
    indicator = `${indicator}_per_capita`;
  const family = indicatorFamily(indicator, quantity.unit);

  let value = quantity.value;
  if (indicator.endsWith('_change') && isDecline(beforeClause, afterClause) && value > 0) value = -value;

  // Subject
  let subject: string | null = null;
  let partner: string | null = null;
  let period: string | null = null;
  if ((headActor || elaboration || ofWhich) && governing) {
    subject = headActor ? mentionState(headActor) : governing.subject;
    partner = governing.partner === subject ? null : governing.partner;
    period = elaboration ? elaborationPeriod(governing.period, lead) : governing.period;
    if (headActor && governing.partner === subject) partner = governing.subject;
  } else {
    const inClause = context.mentions.filter(
      (m) =>
        start(m) >= clause.start &&
        end(m) <= clause.end &&
        mentionState(m) &&
        !headedActors.has(m.id) &&
        !isModifier(m, text),
    );
    const isSubjectCandidate = (m: Mention) => isSubjectPosition(m, text);
    if (family === 'property') {
      const fromActors = inClause.filter((m) => start(m) >= quantity.end && start(m) - quantity.end < 40);
      const [first] = fromActors;
      if (first) {
        subject = mentionState(first);
        partner = fromActors.map(mentionState).find((s) => s && s !== subject) ?? null;
      }
    }
    // "10,000 Bordurian soldiers": an actor inside the counted phrase is whose they are.
    const phraseEnd = evidenceRange(text, quantity, clause).end;
    const inPhrase = inClause.find((m) => start(m) >= quantity.end && end(m) <= phraseEnd);
    if (!subject && inPhrase) subject = mentionState(inPhrase);
    // "The EU pledged €50bn in aid": a donor or lender may be an organisation.
    const donor = LENDING.has(indicator)
      ? inClause.length === 0 ||
        !inClause.some((m) => end(m) <= quantity.numberStart && isSubjectCandidate(m))
        ? context.mentions.find(
            (m) =>
              m.mentionType === 'organisation' &&
              m.entityId &&
              start(m) >= clause.start &&
              end(m) <= quantity.numberStart &&
              isSubjectPosition(m, text),
          )
        : undefined
      : undefined;
    if (!subject && donor?.entityId) subject = donor.entityId;
    // "trade between China and Russia": the first named is the subject, the second the partner.
    const betweenFirst = inClause.find((m) =>
      /\bbetween\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start(m) - 12), start(m))),
    );
    if (!subject && betweenFirst && family !== 'property') {
      subject = mentionState(betweenFirst);
      const second = inClause.find((m) => start(m) > end(betweenFirst) && mentionState(m) !== subject);
      partner = second ? mentionState(second) : null;
    }
    if (!subject) {
      const before = inClause.filter((m) => end(m) <= quantity.numberStart && isSubjectCandidate(m));
      const sentenceBefore = context.mentions.filter(
        (m) =>
          end(m) <= clause.start &&
          mentionState(m) &&
          !headedActors.has(m.id) &&
          !isModifier(m, text) &&
          isSubjectCandidate(m),
      );
      // "..., and that about 1,500 soldiers had been moved": a coordinated clause keeps the earlier figure's subject.
      const coordinated =
        governing?.family === family && /^(?:and|or|but)\b/i.test(text.slice(clause.start, clause.end));
      const candidate =
        before[before.length - 1] ??
        (coordinated || family === 'property' ? undefined : sentenceBefore[sentenceBefore.length - 1]);
      const after = inClause.find((m) => start(m) >= quantity.end && isSubjectCandidate(m));
      subject = candidate
        ? mentionState(candidate)
        : coordinated && governing
          ? governing.subject
          : after
            ? mentionState(after)
            : null;
    }
    if (!subject && governing) subject = governing.subject;
    if (!subject) {
      const sameFamily = [...previous].reverse().find((d) => d.family === family);
      const previousActors = sentenceActors(previousContext, text);
      subject = sameFamily?.subject ?? previousActors.subject ?? lastState(previousContext, text) ?? null;
      if (family === 'bilateral' || family === 'transfer')
        partner = sameFamily
          ? sameFamily.partner
          : previousActors.subject === subject
            ? previousActors.partner
            : null;
    }
    // Partner
    if (!partner && family !== 'property') {
      const explicit = inClause
        .filter(
          (m) =>
            RELATIONAL_BEFORE.test(text.slice(Math.max(0, start(m) - 16), start(m))) &&
            mentionState(m) !== subject,
        )
        .sort((a, b) => distance(a, quantity) - distance(b, quantity));
      partner = explicit[0] ? mentionState(explicit[0]) : null;
      if (!partner && (family === 'transfer' || family === 'bilateral')) {
        const others = inClause
          .filter((m) => mentionState(m) !== subject)
          .sort((a, b) => distance(a, quantity) - distance(b, quantity));
        partner = others[0] ? mentionState(others[0]) : null;
      }
      if (!partner && family === 'bilateral') {
        const sameFamilyBefore =
          (governing?.family === family ? governing : undefined) ??
          [...previous].reverse().find((d) => d.family === family && d.subject === subject);
        partner =
          sameFamilyBefore && sameFamilyBefore.partner !== subject
            ? sameFamilyBefore.partner
            : sameFamilyBefore && sameFamilyBefore.subject !== subject
              ? sameFamilyBefore.subject
              : // The other side of a two-sided figure: the last other state named before is the best guess.
                TWO_SIDED.test(indicator)
                ? lastState(previousContext, text, subject)
                : null;
      }
    }
    // Period
    const evidence = evidenceRange(text, quantity, clause);
    period = TIMELESS.has(indicator) ? null : periodFor(context, clause, evidence, family, text);
    // "at least five shipments have occurred to date, starting in late August": from then until publication.
    if (period && !period.includes('/') && dct && CUMULATIVE.test(text.slice(clause.start, clause.end)))
      period = `${period}/${dct}`;
    if (!period && family === 'bilateral') {
      const sameFamilyBefore =
        (governing?.family === family ? governing : undefined) ??
        [...previous].reverse().find((d) => d.family === family && d.subject === subject);
      period = sameFamilyBefore?.period ?? null;
    }
  }
  [subject, partner] = orientFlow(indicator, subject, partner, context, clause, quantity, text);
  return {
    quantity,
    evidence: evidenceRange(text, quantity, clause),
    indicator,
    family,
    subject,
    partner: partner === subject ? null : partner,
    period,
    value,
  };
}

// Figures that always have another side (a trading partner, a creditor).
const TWO_SIDED = /^(?:trade_total|trade_share|exports|imports|debt|debt_written_off)(?:_change)?$/;
const LENDING = new Set(['loan', 'aid', 'investment', 'grant', 'credit']);
const DEBT = new Set(['debt', 'debt_written_off']);
const WRITE_OFF_AFTER =
  /^['’]?s?\s+(?:\w+\s+)?(?:wr(?:ote|ites|itten)|forg(?:ave|ives)|cancell?ed|cancels)\b/;

/**
 * Money that flows has a direction: a loan's or investment's subject is where it comes from
 * ("a loan from Seoul"); a debt's subject is the debtor, so a state that writes it off is the partner.
 */
function orientFlow(
  indicator: string,
  subject: string | null,
  partner: string | null,
  context: SentenceContext,
  clause: TextRange,
  quantity: Quantity,
  text: string,
): [string | null, string | null] {
  if (LENDING.has(indicator)) {
    // "Russia will lend Iran €1.3bn", "Japan lent $2bn to Peru": the verb's subject lends to its object.
    const lent = lenderAndBorrower(context, quantity, text);
    if (lent) return lent;
    const source = context.mentions.find(
      (m) =>
        start(m) >= quantity.end &&
        end(m) <= clause.end &&
        /\bfrom\s+(?:the\s+)?$/i.test(text.slice(start(m) - 12, start(m))),
    );
    const lender = source ? mentionState(source) : null;
    if (lender && lender !== subject) return [lender, subject];
  }
  if (DEBT.has(indicator)) {
    const creditorMention = context.mentions.find((m) =>
      WRITE_OFF_AFTER.test(text.slice(end(m), end(m) + 30)),
    );
    const creditor = creditorMention ? mentionState(creditorMention) : null;
    if (creditor && creditor === subject) return [partner, creditor];
    if (creditor && !partner) return [subject, creditor];
  }
  return [subject, partner];
}

const LEND_VERB = /\b(?:lend|lends|lent|lending|loaned)\b/gi;

function lenderAndBorrower(
  context: SentenceContext,
  quantity: Quantity,
  text: string,
): [string | null, string | null] | null {
  const before = text.slice(context.start, quantity.numberStart);
  const verb = [...before.matchAll(LEND_VERB)].at(-1);
  if (!verb || before.length - (verb.index ?? 0) > 40) return null;
  const verbStart = context.start + (verb.index ?? 0);
  const verbEnd = verbStart + verb[0].length;
  const states = context.mentions.filter((m) => mentionState(m) && !isModifier(m, text));
  const lender = states.filter((m) => end(m) <= verbStart && verbStart - end(m) < 40).at(-1);
  if (!lender) return null;
  const borrower =
    states.find((m) => start(m) >= verbEnd && end(m) <= quantity.numberStart) ??
    states.find(
      (m) => start(m) >= quantity.end && /\bto\s+(?:the\s+)?$/i.test(text.slice(start(m) - 8, start(m))),
    );
  return [mentionState(lender), borrower ? mentionState(borrower) : null];
}

function sameKind(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit || (isMoney(a.unit) && isMoney(b.unit));
}

function fallbackIndicator(quantity: Quantity, after: string): string | null {
  if (isMoney(quantity.unit)) return 'amount';
  if (quantity.unit === 'percent') {
    // "40% of the vote", "60% purity": the noun says what the percentage measures.
    const of = /^\s*of (?:the |its |their )?([a-z]+)\b/.exec(after);
    if (of?.[1]) return `${of[1]}_share`;
    const noun = /^\s*([a-z]{4,})\b/.exec(after)?.[1];
    if (noun && !/(?:ed|ing|ly)$/.test(noun)) return noun;
    return 'share';
  }
  return null;
}

function distance(mention: Mention, quantity: Quantity): number {
  return start(mention) >= quantity.end ? start(mention) - quantity.end : quantity.numberStart - end(mention);
}

/** An actor named right before "(", allowing a possessive: "China (US$5.6bn)". */
function actorEndingAt(mentions: readonly Mention[], text: string, at: number): Mention | null {
  return (
    mentions.find((m) => {
      if (!mentionState(m) || end(m) > at) return false;
      return /^(?:['’]s)?\s*$/.test(text.slice(end(m), at));
    }) ?? null
  );
}

function isParenthesisHead(mention: Mention, text: string): boolean {
  return /^(?:['’]s)?\s*\(\s*(?:US\$|[$€£¥₩₽]|\d)/.test(text.slice(end(mention), end(mention) + 12));
}

// "Soviet-era", "Russia-made": a name used as a modifier names no actor of the figure.
function isModifier(mention: Mention, text: string): boolean {
  return /^[-‐]\w/.test(text.slice(end(mention), end(mention) + 2));
}

/** A sentence's likely subject (first actor in subject position) and partner (first actor after with/to/from). */
function sentenceActors(
  context: SentenceContext | null,
  text: string,
): { subject: string | null; partner: string | null } {
  if (!context) return { subject: null, partner: null };
  const usable = context.mentions.filter((m) => mentionState(m) && !isModifier(m, text));
  const subjectMention = usable.find((m) => isSubjectPosition(m, text));
  const subject = subjectMention ? mentionState(subjectMention) : null;
  const partnerMention = usable.find(
    (m) =>
      mentionState(m) !== subject && RELATIONAL_BEFORE.test(text.slice(Math.max(0, start(m) - 40), start(m))),
  );
  return { subject, partner: partnerMention ? mentionState(partnerMention) : null };
}

function lastState(
  context: SentenceContext | null,
  text: string,
  except: string | null = null,
): string | null {
  if (!context) return null;
  for (let i = context.mentions.length - 1; i >= 0; i--) {
    const mention = context.mentions[i];
    if (!mention || isModifier(mention, text)) continue;
    const state = mentionState(mention);
    if (state && state !== except) return state;
  }
  return null;
}

function blankParentheses(text: string, from: number, to: number, keep: TextRange | null): string {
  const slice = text.slice(from, Math.max(from, to));
  return slice.replace(/\([^()]*\)/g, (match, offset: number) => {
    const absolute = from + offset;
    if (keep && absolute === keep.start) return match;
    return ' '.repeat(match.length);
  });
}

function elaborationPeriod(governingPeriod: string | null, lead: string): string | null {
  if (!governingPeriod) return null;
  const [first, second] = governingPeriod.split('/');
  if (/^from$/i.test(lead)) return first ?? null;
  if (/^to$/i.test(lead)) return second ?? first ?? null;
  return governingPeriod;
}

// A property of a thing, not of a time: the calibre of a shell.
const TIMELESS = new Set(['calibre', 'length']);
const CUMULATIVE = /\b(?:to date|so far|thus far|up to now|until now)\b/i;

// "up 20% on the previous year", "higher than in 2021": the base a figure is compared with is not its period.
const COMPARISON_BASE =
  /(?:\b(?:than(?: in)?|compared (?:with|to)|against|versus)|(?:\b(?:up|down|rise|fall|increase|decrease|growth)|%|\bper ?cent)\b[^,;.]{0,25}?\b(?:on|over|from))\s+$/i;

const USABLE_TIMEX = /^\d{4}(?:-[\dWQH][\w-]*)?(?:\/\d{4}(?:-[\dWQH][\w-]*)?)?$/;

function periodFor(
  context: SentenceContext,
  clause: TextRange,
  quantity: TextRange,
  family: IndicatorFamily,
  text: string,
): string | null {
  // "post-1945 order", "2022-level": a date used as a modifier does not date the figure.
  const dates = context.timexes.filter(
    (t) =>
      t.type === 'DATE' &&
      USABLE_TIMEX.test(t.value) &&
      !/^[A-Za-z]+[-‐]\d/.test(t.text) &&
      !/[A-Za-z][-‐]$/.test(text.slice(start(t) - 2, start(t))) &&
      !/^[-‐][A-Za-z]/.test(text.slice(end(t), end(t) + 2)) &&
      !COMPARISON_BASE.test(text.slice(Math.max(0, start(t) - 50), start(t))),
  );
  const nearest = (candidates: readonly Timex[]) =>
    [...candidates].sort((a, b) => timexDistance(a, quantity) - timexDistance(b, quantity))[0]?.value ?? null;
  const inClause = dates.filter((t) => start(t) >= clause.start && end(t) <= clause.end);
  if (inClause.length > 0) return nearest(inClause);
  if (family === 'property') return null;
  return nearest(dates);
}

function timexDistance(timex: Timex, quantity: TextRange): number {
  return start(timex) >= quantity.end ? start(timex) - quantity.end : quantity.start - end(timex);
}

function evidenceRange(text: string, quantity: Quantity, clause: TextRange): TextRange {
  if (!quantity.noun || quantity.noun === 'strong') return { start: quantity.start, end: quantity.end };
  const nounAt = text.indexOf(quantity.noun, quantity.end);
  const nounEnd =
    nounAt >= 0 && nounAt < clause.end && nounAt - quantity.end < 40
      ? nounAt + quantity.noun.length
      : quantity.end;
  return { start: quantity.start, end: nounEnd };
}

function toObservation(document: DyadDocument, draft: Draft, ids: Set<string>): Observation {
  let n = 0;
  let id = findingId('observation', document.id, draft.evidence.start, draft.evidence.end);
  while (ids.has(id))
    id = findingId('observation', document.id, draft.evidence.start, draft.evidence.end, ++n);
  ids.add(id);
  const { quantity } = draft;
  return {
    kind: 'observation',
    id,
    docId: document.id,
    evidence: [{ docId: document.id, start: draft.evidence.start, end: draft.evidence.end }],
    extractor: FIGURES_EXTRACTOR,
    indicator: draft.indicator,
    subject: draft.subject,
    partner: draft.partner,
    period: draft.period,
    value: draft.value,
    unit: quantity.unit,
    qualifier: quantity.qualifier,
    low: quantity.low,
    high: quantity.high,
  };
}

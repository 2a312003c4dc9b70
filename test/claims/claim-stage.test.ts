import { describe, expect, it } from 'vitest';
import type { Claim, Finding, Observation } from '../../src/domain/model.js';
import { claimStage } from '../../src/pipeline/claims/index.js';
import { figureStage } from '../../src/pipeline/figures/index.js';
import { makeDocument, mentionsByName, ORG, PERSON, PRONOUN, STATE } from '../figures/builders.js';

const ACTORS = {
  Atlantis: STATE('ATL'),
  Atlantean: STATE('ATL'),
  Borduria: STATE('BOR'),
  Bordurian: STATE('BOR'),
  'Anna Berg': PERSON('Anna Berg', 'BOR'),
  Berg: PERSON('Anna Berg', 'BOR'),
  he: PRONOUN('BOR', 'Anna Berg'),
  IMF: ORG('IMF'),
};

function claimsOf(text: string, extra: (findings: Finding[]) => Finding[] = () => []): Claim[] {
  const document = makeDocument(text);
  const mentions = mentionsByName(document, ACTORS);
  const findings = [...mentions, ...extra(mentions)];
  return claimStage.run(document, findings, { dct: null }) as Claim[];
}

function one(text: string): Claim & { propositionText: string | null } {
  const claims = claimsOf(text);
  expect(claims, JSON.stringify(claims.map((c) => c.cue))).toHaveLength(1);
  const [claim] = claims;
  if (!claim) throw new Error('no claim');
  const p = claim.proposition;
  return { ...claim, propositionText: p ? text.slice(p.start, p.end) : null };
}

describe('claimStage: likelihood cues', () => {
  it.each([
    ['The talks will almost certainly fail this year.', 'almost_certain'],
    ['Atlantis will withdraw its envoy next week.', 'almost_certain'],
    ['It seems clear that Atlantis is willing to pay the price.', 'very_likely'],
    ['Atlantis evidently deems the cost worth paying.', 'very_likely'],
    ['Borduria surely welcomes a partner like Atlantis.', 'very_likely'],
    ['A deal between the two is likely before the summit.', 'likely'],
    ['Atlantis will probably send more troops north.', 'likely'],
    ['The port appears to be operating again this month.', 'likely'],
    ['Expectations on both sides may well be mismatched.', 'likely'],
    ['Atlantis may help Borduria build the pipeline.', 'roughly_even'],
    ['Berg might possibly resign before the vote.', 'roughly_even'],
    ['The aid would arguably breach the embargo.', 'roughly_even'],
    ['Two other kinds of help are therefore more plausible.', 'roughly_even'],
    ['Atlantis may not have appreciated the gesture at all.', 'roughly_even'],
    ['A second round of talks is unlikely to produce a deal.', 'unlikely'],
    ['A renewed offensive cannot be ruled out this spring.', 'unlikely'],
    ['It is wrong to assume that the allies share every goal.', 'unlikely'],
    ['The figures cast further doubt on the idea of an alliance.', 'unlikely'],
    ['Borduria is highly unlikely to let the new weapons leave.', 'very_unlikely'],
    ['A three-way alliance with Atlantis is also implausible.', 'very_unlikely'],
    ['One of the three options can be ruled out in practice.', 'almost_no_chance'],
  ])('%s → %s, held by the author', (text, likelihood) => {
    const claim = one(text);
    expect(claim).toMatchObject({ holder: 'author', likelihood, extractor: { name: 'claims' } });
  });

  it('lets a hedge govern the "will" inside its proposition', () => {
    const claim = one('It is unlikely that Atlantis will aid the weapons programme.');
    expect(claim).toMatchObject({ likelihood: 'unlikely', cue: 'unlikely' });
    expect(claim.propositionText).toBe('Atlantis will aid the weapons programme');
  });

  it('reads evidence that "suggests" as the author\'s own inference', () => {
    const claim = one(
      'The recent history of relations between Atlantis and Borduria suggests that the two will struggle.',
    );
    expect(claim).toMatchObject({ holder: 'author', likelihood: 'likely' });
  });

  it('ignores headings', () => {
    expect(claimsOf('Clearly military\n\nThe army marched.')).toEqual([]);
  });
});

describe('claimStage: attributions', () => {
  it.each([
    ['Atlantean officials said that the border would reopen.', 'ATL', 'unstated'],
    ['The Bordurian ambassador in Atlantis has said that the offer was declined.', 'BOR', 'unstated'],
    ['Atlantis claimed that Borduria had sent 300 containers.', 'ATL', 'unstated'],
    ['Foreign Minister Anna Berg stated that relations had reached a new level.', 'Anna Berg', 'unstated'],
    ['Some Bordurian military bloggers have said they admire the new rockets.', 'unnamed', 'unstated'],
    ['Bordurian sources suggest the invitation was a warning.', 'unnamed', 'unstated'],
    ['Satellite images taken by private companies indicate five shipments so far.', 'unnamed', 'unstated'],
    ['Some have argued that the three states form an alliance.', 'unnamed', 'unstated'],
    ['One Bordurian observer noted discrepancies in the accounts.', 'unnamed', 'unstated'],
    ['The IMF reported that output fell sharply in the decade.', 'IMF', 'unstated'],
    ['Berg said on Monday that Atlantis will probably provide shells.', 'Anna Berg', 'likely'],
    // A name the actor data lacks, after a title with "of" in it.
    ['In May, Secretary of State Carl Lund said that talks had failed.', 'Carl Lund', 'unstated'],
    [
      'Atlantean National Security Adviser Carl Lund told reporters that arms were moving.',
      'Carl Lund',
      'unstated',
    ],
  ])('%s → %s', (text, holder, likelihood) => {
    expect(one(text)).toMatchObject({ holder, likelihood });
  });

  it('takes the holder named after "according to" and the likelihood of the clause', () => {
    const claim = one('The shipments may have been reciprocal, according to Atlantis.');
    expect(claim).toMatchObject({ holder: 'ATL', likelihood: 'roughly_even' });
    expect(claim.propositionText).toBe('The shipments may have been reciprocal');
  });

  it('takes the holder of "as X put it"', () => {
    const claim = one('The two look like allies: as Berg put it, ‘together against the world’.');
    expect(claim).toMatchObject({ holder: 'Anna Berg', cue: 'as' });
    expect(claim.propositionText).toBe('‘together against the world’');
  });

  it('gives an attitude to the subject who holds it, resolved through a pronoun', () => {
    const claims = claimsOf(
      'Berg said on Monday that the shells exist; he was sceptical that they would matter.',
    );
    expect(claims.map((c) => [c.holder, c.likelihood])).toEqual([
      ['Anna Berg', 'unstated'],
      ['Anna Berg', 'unlikely'],
    ]);
  });

  it('carries the holder into a second "and that" complement', () => {
    const claims = claimsOf(
      'Atlantis claimed that Borduria had sent arms, and that some were bound for the front.',
    );
    expect(claims.map((c) => c.holder)).toEqual(['ATL', 'ATL']);
  });

  it("gives a second reporting verb with no subject of its own the first one's holder", () => {
    const claims = claimsOf(
      'Berg acknowledged that Atlantis had sent arms, but insisted that none were sent later.',
    );
    expect(claims.map((c) => [c.holder, c.cue])).toEqual([
      ['Anna Berg', 'acknowledged'],
      ['Anna Berg', 'insisted'],
    ]);
  });

  it('takes the speaker, not the one spoken to, and ignores modals in clauses of time or condition', () => {
    const claims = claimsOf(
      'Berg met Atlantis officials and told them that aid would stop before it could be misused.',
    );
    expect(claims.map((c) => [c.holder, c.likelihood, c.cue])).toEqual([['Anna Berg', 'unstated', 'told']]);
  });

  it('gives a hedge in a coordinated complement to the reporter', () => {
    const claims = claimsOf('Berg said that the talks had failed, and that a new round could begin in May.');
    expect(claims.map((c) => [c.holder, c.likelihood])).toEqual([
      ['Anna Berg', 'unstated'],
      ['Anna Berg', 'roughly_even'],
    ]);
  });

  it('reads a report placed after what it reports, with the hedge inside it', () => {
    const claim = one('The offensive almost certainly failed, a senior Atlantean official told reporters.');
    expect(claim).toMatchObject({ holder: 'ATL', likelihood: 'almost_certain' });
    expect(claim.propositionText).toBe('The offensive almost certainly failed');
  });

  it('reads present-tense reports, officials named by their capital, and not "an estimated" figure', () => {
    expect(one('Analysts warn the sanctions could backfire.')).toMatchObject({
      holder: 'unnamed',
      likelihood: 'roughly_even',
    });
    expect(one('Officials in Borduria said more than 500 drones were launched.')).toMatchObject({
      holder: 'BOR',
    });
    expect(claimsOf('An estimated 10,000 people fled the fighting last year.')).toEqual([]);
  });

  it('takes the state named last as the holder of "it said"', () => {
    expect(one('Atlantis kept silent until May, when it said its troops had withdrawn.').holder).toBe('ATL');
    expect(one('Atlantis kept silent, but it later said its troops had withdrawn.').holder).toBe('ATL');
  });

  it('names no holder for a passive report', () => {
    const claim = one('It was reported that the envoy had left the capital.');
    expect(claim).toMatchObject({ holder: 'unnamed', likelihood: 'unstated' });
  });

  it('lists the observations inside the proposition in `about`', () => {
    const text = 'Atlantis claimed that Borduria had sent 1,000 containers of shells.';
    const document = makeDocument(text);
    const mentions = mentionsByName(document, ACTORS);
    const observations = figureStage.run(document, mentions, { dct: null }) as Observation[];
    expect(observations).toHaveLength(1);
    const [claim] = claimStage.run(document, [...mentions, ...observations], { dct: null }) as Claim[];
    expect(claim?.about).toEqual(observations.map((o) => o.id));
  });
});

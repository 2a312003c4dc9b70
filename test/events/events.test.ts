import { describe, expect, it } from 'vitest';
import type { DyadEvent, Finding } from '../../src/domain/model.js';
import { extractEvents } from '../../src/pipeline/events/index.js';
import { type ActorSpec, doc, mentionsOf, timex, withSentences } from './builders.js';

const ACTORS: Record<string, ActorSpec> = {
  'Anna Berg': { type: 'person', id: 'anna-berg', country: 'NOR' },
  Berg: { type: 'person', id: 'anna-berg', country: 'NOR' },
  'Luis Mora': { type: 'person', id: 'luis-mora', country: 'CHL' },
  Mora: { type: 'person', id: 'luis-mora', country: 'CHL' },
  'Pedro Alves': { type: 'person', id: 'pedro-alves', country: 'BRA' },
  Norway: { type: 'state', id: 'NOR', country: 'NOR' },
  Norwegian: { type: 'state', id: 'NOR', country: 'NOR' },
  Chile: { type: 'state', id: 'CHL', country: 'CHL' },
  Chilean: { type: 'state', id: 'CHL', country: 'CHL' },
  Brazil: { type: 'state', id: 'BRA', country: 'BRA' },
  Peru: { type: 'state', id: 'PER', country: 'PER' },
  Oslo: { type: 'place', id: 'oslo', country: 'NOR', lat: 59.91, lon: 10.75 },
  Santiago: { type: 'place', id: 'santiago', country: 'CHL', lat: -33.45, lon: -70.67 },
  Valparaiso: { type: 'place', id: 'valparaiso', country: 'CHL', lat: -33.05, lon: -71.62 },
  NATO: { type: 'organisation', id: 'NATO', country: null },
};

function run(text: string, dates: readonly [string, string][] = []): DyadEvent[] {
  const document = doc(text);
  const findings: Finding[] = [
    ...mentionsOf(document, ACTORS),
    ...dates.map(([phrase, value]) => timex(document, phrase, value)),
  ];
  return extractEvents(document, withSentences(document, findings));
}

function summary(event: DyadEvent): string {
  return `${event.type} ${event.source}>${event.target ?? '-'} ${event.date ?? '-'} ${event.factuality}`;
}

describe('event stage: verbal triggers and argument assignment', () => {
  it('active voice with a prepositional target and the clause date', () => {
    const events = run('On 4 May Anna Berg held talks with Luis Mora in Santiago.', [
      ['4 May', '2024-05-04'],
    ]);
    expect(events.map(summary)).toEqual(['CONSULT NOR>CHL 2024-05-04 asserted']);
    expect(events[0]?.sourceActor).toBe('Anna Berg');
    expect(events[0]?.targetActor).toBe('Luis Mora');
    expect(events[0]?.location?.name).toBe('Santiago');
  });

  it('passive voice puts the by-agent as source', () => {
    const events = run('Chile was sanctioned by Norway last year.', [['last year', '2023']]);
    expect(events.map(summary)).toEqual(['SANCTION NOR>CHL 2023 asserted']);
  });

  it('a participle with a by-agent ("a dinner hosted by X") is passive', () => {
    const events = run('Luis Mora attended a dinner hosted by Anna Berg.');
    expect(events.some((e) => e.type === 'CONSULT' && e.source === 'CHL' && e.target === 'NOR')).toBe(true);
  });

  it('coordinated subjects of a symmetric verb meet each other', () => {
    const events = run('Berg and Mora met in Valparaiso on 2 June.', [['2 June', '2024-06-02']]);
    expect(events.map(summary)).toEqual(['CONSULT NOR>CHL 2024-06-02 asserted']);
  });

  it('coordinated subjects of a non-symmetric verb each act', () => {
    const events = run('Norway and Brazil condemned Peru.');
    expect(events.map(summary).sort()).toEqual(['ACCUSE BRA>PER - asserted', 'ACCUSE NOR>PER - asserted']);
  });

  it('coordinated objects each receive the action', () => {
    const events = run('Norway urged Chile and Brazil to act.');
    expect(events.map(summary).sort()).toEqual(['REQUEST NOR>BRA - asserted', 'REQUEST NOR>CHL - asserted']);
  });

  it('several actions in one sentence share the subject', () => {
    const events = run(
      'On 3 March Berg toured Valparaiso, praised Mora and signed an agreement with Chile.',
      [['3 March', '2024-03-03']],
    );
    const kinds = events.map((e) => `${e.type}:${e.mode}:${e.source}>${e.target}`);
    expect(kinds).toEqual(['CONSULT:visit:NOR>CHL', 'SUPPORT:endorse:NOR>CHL', 'AGREE:agreement:NOR>CHL']);
    expect(events.every((e) => e.date === '2024-03-03')).toBe(true);
  });

  it('a visit and talks in one clause are one meeting with two readings merged', () => {
    const events = run('On 3 March Berg toured Valparaiso and held talks with Mora.', [
      ['3 March', '2024-03-03'],
    ]);
    expect(events.filter((e) => e.type === 'CONSULT')).toHaveLength(1);
  });

  it('a recipient verb takes the from-object as source', () => {
    const events = run('Peru received a large loan from Brazil.');
    expect(events.map(summary)).toEqual(['AID BRA>PER - asserted']);
  });

  it('host puts the guest as the source of the visit', () => {
    const events = run('Mora hosted Anna Berg in Santiago.');
    expect(events.map(summary)).toEqual(['CONSULT NOR>CHL - asserted']);
  });
});

describe('event stage: nominal triggers', () => {
  it('a possessor and a destination ("X\'s trip to Y")', () => {
    const events = run("Berg's two-day trip to Chile ended quietly.");
    expect(events.map(summary)).toEqual(['CONSULT NOR>CHL - asserted']);
    expect(events[0]?.mode).toBe('visit');
  });

  it('recognition of a state', () => {
    const events = run("Norway's recognition of Peru surprised observers.");
    expect(events.map((e) => `${e.type}:${e.mode}:${e.source}>${e.target}`)).toEqual([
      'SUPPORT:recognise:NOR>PER',
    ]);
  });

  it('a demonym modifier as the agent of a noun ("Chilean investment in Peru")', () => {
    const events = run('A Chilean investment in Peru was announced.');
    expect(events.map(summary)).toEqual(['COOPERATE CHL>PER - asserted']);
  });

  it('"between X and Y"', () => {
    const events = run('The talks between Chile and Brazil resumed.');
    expect(events.map(summary)).toEqual(['CONSULT CHL>BRA - asserted']);
  });
});

describe('event stage: factuality', () => {
  it('negation', () => {
    expect(run('Norway did not sanction Chile.').map(summary)).toEqual(['SANCTION NOR>CHL - negated']);
    expect(run('Norway never recognised Peru.').map(summary)).toEqual(['SUPPORT NOR>PER - negated']);
  });

  it('hedges make an event possible', () => {
    expect(run('Brazil may attack Peru.').map(summary)).toEqual(['ASSAULT BRA>PER - possible']);
    expect(run('It is unlikely that Chile will aid Peru.').map(summary)).toEqual(['AID CHL>PER - possible']);
  });

  it('attribution makes it claimed, with the holder', () => {
    const [claimed] = run('Norway claimed that Peru had attacked Chile.');
    expect(claimed?.factuality).toBe('claimed');
    expect(claimed?.claimedBy).toBe('NOR');
    expect(claimed?.source).toBe('PER');
    const [according] = run('Peru shelled Chile, according to Brazil.');
    expect(according?.claimedBy).toBe('BRA');
    const [generic] = run('Local sources suggest Peru invaded Chile.');
    expect(generic?.claimedBy).toBe('unnamed');
  });
});

describe('event stage: dates and deduplication', () => {
  it('uses the narrative date of the paragraph when the clause has none', () => {
    const events = run('On 9 April Berg arrived in Chile. She then met Mora in Santiago.', [
      ['9 April', '2024-04-09'],
    ]);
    expect(events.every((e) => e.date === '2024-04-09')).toBe(true);
  });

  it('does not take a date from a relative clause after the trigger, unless a dash closes it', () => {
    const embedded = run(
      'Norway agreed to resume fishing talks with Chile, which Oslo had suspended in May 2021.',
      [['May 2021', '2021-05']],
    );
    expect(embedded.find((e) => e.type === 'AGREE')?.date).toBeNull();
    const parenthetical = run('Norway hosted Chile – whose delegation came by sea – in 2019.', [
      ['2019', '2019'],
    ]);
    expect(parenthetical.find((e) => e.type === 'CONSULT')?.date).toBe('2019');
  });

  it('does not take a date from a subordinate clause opened by a gerund or a pronoun', () => {
    const gerund = run('Berg visited Chile, her first trip abroad since taking office in 2019.', [
      ['2019', '2019'],
    ]);
    expect(gerund.find((e) => e.type === 'CONSULT')?.date ?? null).toBeNull();
    const adjunct = run('Berg visited Chile once before, in 2019.', [['2019', '2019']]);
    expect(adjunct.find((e) => e.type === 'CONSULT')?.date).toBe('2019');
  });

  it('never invents a date', () => {
    expect(run('Norway criticised Peru.')[0]?.date).toBeNull();
  });

  it('merges repeated mentions of the same event into one with several evidence spans', () => {
    const text = "Berg's summit with Mora in May drew attention. Berg's summit with Mora produced little.";
    const events = run(text, [['May', '2024-05']]);
    const consults = events.filter((e) => e.type === 'CONSULT');
    expect(consults).toHaveLength(1);
    expect(consults[0]?.evidence.length).toBe(2);
  });

  it('keeps events with different dates apart', () => {
    const events = run('Berg visited Chile in 2019. Berg visited Chile again in 2022.', [
      ['2019', '2019'],
      ['2022', '2022'],
    ]);
    expect(events.map((e) => e.date)).toEqual(['2019', '2022']);
  });

  it('records the extractor and evidence inside the document', () => {
    const [event] = run('Brazil threatened Peru.');
    expect(event?.extractor.name).toBe('events');
    expect(event?.origin).toBe('extracted');
    expect(event?.evidence[0]).toMatchObject({ start: 0 });
  });
});

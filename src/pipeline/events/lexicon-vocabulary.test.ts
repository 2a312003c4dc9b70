import { describe, expect, it } from 'vitest';
import { classifySentence } from './classify.js';

const typeOf = (text: string) => classifySentence(text)?.type ?? null;

describe('codebook vocabulary', () => {
  it('reads a bare strike as labour unless the context is military', () => {
    expect(typeOf('Dock workers went on strike over unpaid wages.')).toBe('PROTEST');
    expect(typeOf('The nurses began a nationwide strike on Monday.')).toBe('PROTEST');
    expect(typeOf('Missile strikes destroyed the harbour overnight.')).toBe('ASSAULT');
    expect(typeOf('The navy launched strikes on the coastal batteries.')).toBe('ASSAULT');
    expect(typeOf('The army launched a major offensive in the east.')).toBe('ASSAULT');
  });

  it('types restrictions, detentions and cyber operations as COERCE', () => {
    expect(typeOf('The junta imposed a nightly curfew in the capital.')).toBe('COERCE');
    expect(typeOf('The interior ministry outlawed the opposition party.')).toBe('COERCE');
    expect(typeOf('Security forces sealed off the university district.')).toBe('COERCE');
    expect(typeOf('A cyberattack disabled the port authority computers.')).toBe('COERCE');
    expect(typeOf('Authorities jailed two bloggers for their posts.')).toBe('COERCE');
  });

  it('types abductions, executions and ambushes as ASSAULT', () => {
    expect(typeOf('Gunmen kidnapped a district official near the border.')).toBe('ASSAULT');
    expect(typeOf('Insurgents ambushed a supply convoy in the valley.')).toBe('ASSAULT');
    expect(typeOf('The soldiers were beaten by an angry crowd.')).toBe('ASSAULT');
  });

  it('types praise, restored relations and endorsements as SUPPORT', () => {
    expect(typeOf('The foreign minister hailed the election as a model for the region.')).toBe('SUPPORT');
    expect(typeOf('The two states restored diplomatic relations after a decade.')).toBe('SUPPORT');
    expect(typeOf('Parliament voiced its support for the reform plan.')).toBe('SUPPORT');
  });

  it('types joint operations, lawsuits, convictions and broken ties', () => {
    expect(typeOf('The two navies held joint patrols in the strait.')).toBe('COOPERATE');
    expect(typeOf('The prosecutor indicted the former governor for fraud.')).toBe('ACCUSE');
    expect(typeOf('A court convicted the journalist of espionage.')).toBe('SANCTION');
    expect(typeOf('The government severed ties with its neighbour.')).toBe('SANCTION');
    expect(typeOf('Opposition supporters rioted in the port city.')).toBe('PROTEST');
    expect(typeOf('The governor ended the curfew in the northern districts.')).toBe('CONCEDE');
  });

  it('reads concessions handed over, resignations, ceasefires and alerts', () => {
    expect(typeOf('The president granted an amnesty to the mutineers.')).toBe('CONCEDE');
    expect(typeOf('The cabinet gave concessions to the farmers.')).toBe('CONCEDE');
    expect(typeOf('The embattled premier stepped down on Friday.')).toBe('RETREAT');
    expect(typeOf('The two militias declared a ceasefire in the hills.')).toBe('RETREAT');
    expect(typeOf('The army put its reserve units on high alert.')).toBe('MOBILIZE');
  });

  it('takes "armed" before a noun as an adjective, not as arming someone', () => {
    expect(typeOf('Heavily armed gunmen stormed the police station.')).toBe('ASSAULT');
    expect(typeOf('The neighbouring state armed the rebels.')).toBe('AID');
  });

  it('prefers a subject noun to a later verb, but not a noun in a fronted adjunct', () => {
    expect(typeOf('Protests erupted in the northern provinces after the vote.')).toBe('PROTEST');
    expect(typeOf('After the talks, the army shelled the ridge.')).toBe('ASSAULT');
  });
});

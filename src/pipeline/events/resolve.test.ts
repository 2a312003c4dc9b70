import { describe, expect, it } from 'vitest';
import { classifySentence } from './classify.js';

const typeOf = (text: string) => classifySentence(text)?.type ?? null;

describe('complement resolution', () => {
  it('types a commitment by the yielding act it commits to', () => {
    expect(typeOf('Tehran agreed to release the detained sailors.')).toBe('RETREAT');
    expect(typeOf('The junta agreed to withdraw its troops from the border towns.')).toBe('RETREAT');
    expect(typeOf('The council promised to lift the restrictions on assembly.')).toBe('CONCEDE');
    expect(typeOf('The governor vowed to end the night curfew next month.')).toBe('CONCEDE');
    expect(typeOf('The insurgents agreed to a ceasefire on Sunday.')).toBe('RETREAT');
    expect(typeOf('The cabinet offered concessions to the striking miners.')).toBe('CONCEDE');
  });

  it('keeps AGREE for commitments to other acts', () => {
    expect(typeOf('The two ministries agreed to meet again in spring.')).toBe('AGREE');
    expect(typeOf('Both delegations signed a fisheries agreement.')).toBe('AGREE');
  });

  it('keeps the type of a request, threat or refusal over the act it frames', () => {
    expect(typeOf('The envoy threatened to impose sanctions on the regime.')).toBe('THREATEN');
    expect(typeOf('The ministers urged the rebels to surrender their weapons.')).toBe('REQUEST');
    expect(typeOf('The warlord refused to release the hostages.')).toBe('REJECT');
  });

  it('reads stopping one’s own protest or attacks as a concession', () => {
    expect(typeOf('The union suspended its protests for two weeks.')).toBe('CONCEDE');
    expect(typeOf('The dockworkers will end the hunger strike after the pay offer.')).toBe('CONCEDE');
    expect(typeOf('The militia announced a suspension of attacks on convoys.')).toBe('CONCEDE');
  });
});

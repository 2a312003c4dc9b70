import { describe, expect, it } from 'vitest';
import type { DyadDocument, Finding, Mention, Timex } from '../../src/domain/model.js';
import { actorStage, countryOf, lookupPerson, personName } from '../../src/pipeline/actors/index.js';

function doc(text: string, published: string | null = '2023-11-05'): DyadDocument {
  return {
    kind: 'document',
    id: 'test',
    title: null,
    source: null,
    publisher: null,
    published,
    retrieved: '2026-01-01T00:00:00Z',
    format: 'text',
    language: 'en',
    text,
  };
}

function mentions(text: string, dct: string | null = '2023-11-05', earlier: Finding[] = []): Mention[] {
  return actorStage.run(doc(text, dct), earlier, { dct }).filter((f): f is Mention => f.kind === 'mention');
}

/** The ids a mention's candidates stand for, sorted. */
function candidateIds(all: readonly Mention[], text: string): string[] {
  return find(all, text)
    .candidates.map((c) => c.id)
    .sort();
}

function find(all: readonly Mention[], text: string, n = 0): Mention {
  const found = all.filter((m) => m.text === text)[n];
  if (!found) throw new Error(`no mention "${text}" in ${JSON.stringify(all.map((m) => m.text))}`);
  return found;
}

describe('actors stage: states, demonyms, possessives, metonyms', () => {
  it('maps names, demonyms and possessives to ISO codes with spans', () => {
    const text =
      "Russia's economy depends on exports, North Korean workers stay abroad and the DPRK denies it.";
    const all = mentions(text);
    const russia = find(all, 'Russia');
    expect(russia).toMatchObject({
      mentionType: 'state',
      entityId: 'RUS',
      country: 'RUS',
      resolution: 'possessive',
    });
    expect(text.slice(russia.evidence[0]?.start, russia.evidence[0]?.end)).toBe('Russia');
    expect(find(all, 'North Korean')).toMatchObject({ entityId: 'PRK', resolution: 'demonym' });
    expect(find(all, 'DPRK').entityId).toBe('PRK');
    expect(russia.lat).not.toBeNull();
  });

  it('reads capitals and seats of power as their governments, and as places after a locative', () => {
    const all = mentions(
      'Talks between Seoul and Tokyo stalled, the Kremlin said, before the envoy flew to Seoul.',
    );
    expect(find(all, 'Seoul', 0)).toMatchObject({
      mentionType: 'state',
      entityId: 'KOR',
      resolution: 'metonym',
    });
    expect(find(all, 'Tokyo').entityId).toBe('JPN');
    expect(find(all, 'Kremlin')).toMatchObject({ mentionType: 'state', entityId: 'RUS' });
    const place = find(all, 'Seoul', 1);
    expect(place.mentionType).toBe('place');
    expect(place.country).toBe('KOR');
    expect(place.lat).toBeCloseTo(37.57, 1);
  });

  it('reads Moscow before 1992 as the Soviet Union', () => {
    const all = mentions('In 1961, Moscow promised more aid.');
    expect(find(all, 'Moscow').entityId).toBe('SUN');
    expect(find(mentions('In 2019, Moscow promised more aid.'), 'Moscow').entityId).toBe('RUS');
  });

  it('does not read "US$" as the United States, and keeps "us" lower case out', () => {
    const all = mentions('The loan of US$3 billion helped us a lot.');
    expect(all.filter((m) => m.entityId === 'USA')).toEqual([]);
  });

  it('finds organisations and "the West"', () => {
    const all = mentions('The IAEA and the UN Security Council warned the West about the WHO report.');
    expect(find(all, 'IAEA').entityId).toBe('IAEA');
    expect(find(all, 'UN Security Council').entityId).toBe('UNSC');
    expect(find(all, 'West').entityId).toBe('WST');
    expect(find(all, 'WHO').entityId).toBe('WHO');
    expect(mentions('Who decides what the west wing holds?').filter((m) => m.entityId === 'WHO')).toEqual([]);
  });

  it('reads "Western" as the West, except as part of a name such as "Western Europe"', () => {
    const all = mentions('Western sanctions were discussed in Western Europe and the Western Cape.');
    expect(all.filter((m) => m.entityId === 'WST').map((m) => m.evidence[0]?.start)).toEqual([0]);
  });
});

describe('actors stage: people and dated roles', () => {
  it('resolves the same title differently in 1950 and 2023', () => {
    const early = mentions('In 1950, the US president ordered troops to Korea.');
    expect(find(early, 'US president')).toMatchObject({ entityId: 'harry-s-truman', resolution: 'role' });
    const late = mentions('In May 2023, the US president ordered troops to Korea.');
    expect(find(late, 'US president').entityId).toBe('joe-biden');
  });

  it('resolves a bare surname by the date: Kim in 1950 and in 2023', () => {
    expect(find(mentions('In June 1950, Kim ordered the invasion.'), 'Kim').entityId).toBe('kim-il-sung');
    expect(find(mentions('In March 2023, Kim watched a missile launch.'), 'Kim').entityId).toBe(
      'kim-jong-un',
    );
  });

  it('uses the dates of timexes from the time stage when they are there', () => {
    const text = 'That summer, Kim ordered the invasion.';
    const timex: Timex = {
      kind: 'timex',
      id: 'timex:test:0-11',
      docId: 'test',
      evidence: [{ docId: 'test', start: 0, end: 11 }],
      extractor: { name: 'time', version: 'test' },
      text: 'That summer',
      type: 'DATE',
      value: '1950-SU',
      mod: null,
      anchor: null,
      interval: { earliest: '1950-06-01', latest: '1950-08-31' },
    };
    expect(find(mentions(text, '2023-11-05', [timex]), 'Kim').entityId).toBe('kim-il-sung');
    expect(find(mentions(text, '2023-11-05'), 'Kim').entityId).toBe('kim-jong-un');
  });

  it('resolves surname-only mentions to a person named earlier', () => {
    const all = mentions('Kim Jong-il travelled by train in 2001. Kim later met the Russian leader.');
    expect(find(all, 'Kim Jong-il').entityId).toBe('kim-jong-il');
    expect(find(all, 'Kim').entityId).toBe('kim-jong-il');
  });

  it('resolves title + surname and title-only mentions to the office holder then', () => {
    const all = mentions("Foreign Minister Lavrov met Russia's defence minister and the Chinese premier.");
    expect(find(all, 'Lavrov')).toMatchObject({ entityId: 'sergei-lavrov', country: 'RUS' });
    expect(find(all, "Russia's defence minister")).toMatchObject({
      entityId: 'sergei-shoigu',
      resolution: 'role',
    });
    expect(find(all, 'Chinese premier').entityId).toBe('li-qiang');
    const older = mentions("In 1995, Russia's foreign minister visited Seoul.");
    expect(find(older, "Russia's foreign minister").entityId).toBe('andrei-kozyrev');
  });

  it('keeps generic titles unresolved', () => {
    const all = mentions(
      'He was the first Russian defence minister to visit, and no Soviet leader ever came.',
    );
    expect(all.filter((m) => m.resolution === 'role')).toEqual([]);
  });

  it('recognises people Dyad does not know by a given name, and their later surnames', () => {
    const all = mentions(
      'Jim Pressley, who runs the dealers, spoke first. Later Pressley said General Motors Corp would wait.',
    );
    expect(find(all, 'Jim Pressley')).toMatchObject({ mentionType: 'person', entityId: null });
    expect(find(all, 'Pressley')).toMatchObject({
      mentionType: 'person',
      entityId: null,
      resolution: 'surname',
    });
    expect(all.some((m) => m.text.includes('Motors'))).toBe(false);
  });

  it('leaves unknown names unresolved instead of guessing', () => {
    const all = mentions('President Zorblat Vanterhoff of Freedonia said nothing.');
    const unknown = find(all, 'Zorblat Vanterhoff');
    expect(unknown).toMatchObject({ mentionType: 'person', entityId: null });
    expect(all.some((m) => m.text === 'Freedonia')).toBe(false);
  });
});

describe('actors stage: coreference', () => {
  it('links pronouns and "the two leaders" within a paragraph', () => {
    const all = mentions(
      'Vladimir Putin arrived in Beijing on Monday. He met Xi Jinping, and his hosts staged a parade. The two leaders signed a statement.',
    );
    expect(find(all, 'He')).toMatchObject({
      mentionType: 'pronoun',
      entityId: 'vladimir-putin',
      resolution: 'coref',
    });
    expect(find(all, 'his').entityId).toBe('xi-jinping');
    const pair = find(all, 'The two leaders');
    expect(pair.candidates.map((c) => c.id).sort()).toEqual(['vladimir-putin', 'xi-jinping']);
  });

  it('binds "he" to the subject and "the president" to the last president named', () => {
    const all = mentions(
      'Moon Jae-in told Donald Trump that he would reopen talks. Later the president flew home from Hanoi.',
      '2019-03-01',
    );
    expect(find(all, 'he')).toMatchObject({ entityId: 'moon-jae-in', resolution: 'coref' });
    expect(find(all, 'the president')).toMatchObject({ mentionType: 'pronoun', resolution: 'coref' });
    expect(['moon-jae-in', 'donald-trump']).toContain(find(all, 'the president').entityId);
  });

  it('does not give an unknown Kim the identity of a known one', () => {
    const all = mentions('Kim Jong-un watched the parade. Kim Yong-chol, a senior official, stood nearby.');
    expect(all.filter((m) => m.text === 'Kim' && m.entityId === 'kim-jong-un')).toEqual([]);
  });

  it('links "the country" to a state named earlier in the paragraph', () => {
    const all = mentions('Cuba adapted quickly. Moscow stopped sending aid to the country.');
    expect(find(all, 'the country').entityId).toBe('CUB');
    const subject = mentions("Cuba watched closely. Russia's economy shrank, and the country's debt grew.");
    expect(find(subject, 'the country').entityId).toBe('RUS');
  });
});

describe('actors stage: places', () => {
  it('picks the Paris in Texas when the document is about Texas', () => {
    const texas = mentions('The rodeo in Paris drew riders from across Texas and Oklahoma.');
    const paris = find(texas, 'Paris');
    expect(paris).toMatchObject({ mentionType: 'place', entityId: 'geonames:4717560', country: 'USA' });
    expect(paris.candidates.length).toBeGreaterThan(1);
    const france = mentions('French ministers met in Paris after talks with Germany.');
    expect(find(france, 'Paris')).toMatchObject({ entityId: 'geonames:2988507', country: 'FRA' });
  });

  it('joins names broken by a hyphenation artefact', () => {
    const all = mentions('He toured a plant at Komsomolskon- Amur and then Ulan-Ude.');
    expect(find(all, 'Komsomolskon- Amur')).toMatchObject({ entityId: 'geonames:2021851', country: 'RUS' });
    expect(find(all, 'Ulan-Ude').lat).toBeCloseTo(51.83, 1);
  });

  it('finds curated facilities with coordinates', () => {
    const all = mentions('The leaders met at the Vostochny Cosmodrome in the Amur region.');
    const site = find(all, 'Vostochny Cosmodrome');
    expect(site).toMatchObject({ mentionType: 'facility', country: 'RUS' });
    expect(site.lat).toBeCloseTo(51.88, 1);
    expect(site.lon).toBeCloseTo(128.33, 1);
  });

  it('does not read common words or parts of names as towns', () => {
    const all = mentions('Police said the Split was Nice. In March, Harold Wilson spoke. Most agreed.');
    expect(all.filter((m) => m.mentionType === 'place')).toEqual([]);
  });
});

describe('actors stage: adjectives, features and designations', () => {
  it('reads adjectival forms the country data lacks ("Philippine", "Kazakh", "Nepali")', () => {
    const all = mentions('A Philippine boat, a Kazakh envoy and Nepali troops.');
    expect(['Philippine', 'Kazakh', 'Nepali'].map((t) => find(all, t).entityId)).toEqual([
      'PHL',
      'KAZ',
      'NPL',
    ]);
  });

  it('does not read a named feature or a model designation as a person', () => {
    const all = mentions(
      'Ships met near Second Thomas Shoal and James Bay; Iran wants the Su-35 and the Tu-95.',
    );
    expect(all.filter((m) => m.mentionType === 'person')).toEqual([]);
  });
});

describe('actors stage: governments, royal names, places that are surnames', () => {
  it('reads "the government" as the state just named, unless its state follows', () => {
    const all = mentions('Peru answered at once. The next day the government banned imports from Chile.');
    expect(find(all, 'the government')).toMatchObject({ mentionType: 'pronoun', entityId: 'PER' });
    const named = mentions('Peru answered. The government of Chile protested.');
    expect(named.some((m) => m.text === 'the government' || m.text === 'The government')).toBe(false);
  });

  it('knows a Gulf royal by title and given name ("Prince Faisal" is Faisal bin Farhan)', () => {
    const all = mentions('Prince Faisal flew to Oman, where Sultan Haitham received him.', '2023-06-01');
    expect(find(all, 'Faisal')).toMatchObject({ entityId: 'faisal-bin-farhan', country: 'SAU' });
    // A given name that is a title is not a short form: "Sultan" stays a title.
    expect(find(all, 'Sultan Haitham')).toMatchObject({ entityId: 'haitham-bin-tariq', country: 'OMN' });
  });

  it('does not read a national council as the UN Security Council', () => {
    const all = mentions(
      "Iran's Supreme National Security Council met, and then the Security Council voted.",
    );
    expect(all.filter((m) => m.entityId === 'UNSC').map((m) => m.text)).toEqual(['Security Council']);
  });

  it("reads a state's own Security Council as that state's body, not the UN's", () => {
    const all = mentions(
      "Belarus's Security Council met; the Kazakh Security Council also met; the UN Security Council did not.",
    );
    expect(all.filter((m) => m.entityId === 'UNSC').map((m) => m.text)).toEqual(['UN Security Council']);
    expect(all.filter((m) => m.mentionType === 'state').map((m) => m.entityId)).toEqual(['BLR', 'KAZ']);
  });

  it('does not read a family name before a hyphenated given name as a known person', () => {
    const all = mentions(
      "Kono summoned Korea's ambassador, Lee Su-hoon; then Lee Nak-yon spoke.",
      '2018-11-01',
    );
    expect(all.filter((m) => m.text.startsWith('Lee')).map((m) => `${m.text} ${m.entityId}`)).toEqual([
      'Lee Nak-yon lee-nak-yon',
    ]);
  });

  it("knows an Ethiopian by the given name, never by the father's name", () => {
    const all = mentions('Abiy met Isaias in Asmara. Ahmed, a trader, said prices rose.', '2023-01-10');
    expect(all.filter((m) => m.mentionType === 'person').map((m) => `${m.text} ${m.entityId}`)).toEqual([
      'Abiy abiy-ahmed',
      'Isaias isaias-afwerki',
    ]);
  });

  it('resolves "the two presidents" to the two people named most, "the two foreign ministers" to states', () => {
    const all = mentions(
      'Putin met Xi in Moscow. The two presidents signed a pact, and the two foreign ministers met later.',
      '2023-03-21',
    );
    expect(candidateIds(all, 'The two presidents')).toEqual(['vladimir-putin', 'xi-jinping']);
    expect(candidateIds(all, 'the two foreign ministers')).toEqual(['CHN', 'RUS']);
    // The two just named beat two named more often before.
    const later = mentions(
      'Putin met Xi. Putin and Xi spoke again. Then Xi received Lula, and the two presidents signed a pact.',
      '2023-03-21',
    );
    expect(candidateIds(later, 'the two presidents')).toEqual(['luiz-inacio-lula-da-silva', 'xi-jinping']);
  });

  it('reads a capital after "in" as the place, not a leader of that surname', () => {
    const all = mentions('The two ministers met in Muscat on Monday.', '2018-06-01');
    expect(find(all, 'Muscat')).toMatchObject({ mentionType: 'place', country: 'OMN' });
  });

  it('reads a sentence-opening "It" before a past-tense verb as the body the last sentence opened with', () => {
    const all = mentions(
      'The Algerian presidency said the drivers had been killed near Nouakchott. It blamed Morocco. It was a shock.',
    );
    expect(all.filter((m) => m.text === 'It').map((m) => [m.mentionType, m.entityId])).toEqual([
      ['pronoun', 'DZA'],
    ]);
  });

  it('reads "its" as a state named before rather than a demonym modifying a noun', () => {
    const all = mentions(
      'China suspended imports from four Australian plants, and its ministry imposed duties.',
    );
    expect(all.find((m) => m.text === 'its')?.entityId).toBe('CHN');
  });

  it('reads "It" after an opening date, and as the subject of the last clause before it', () => {
    const all = mentions(
      'Madrid had long kept its neutrality, and Algeria, then its largest supplier, reacted. It recalled its envoy. Oslo waited. On 8 June 2022 it suspended the treaty.',
    );
    const its = all.filter((m) => m.text.toLowerCase() === 'it').map((m) => m.entityId);
    expect(its).toEqual(['DZA', 'NOR']);
  });

  it('reads a sentence-opening "he" as the person of the last clause before it', () => {
    const all = mentions(
      "Abiy Ahmed met Sisi in June. By October Sisi's government said the talks had failed, and Abiy told parliament no force could stop the dam. Days later he flew to Sochi.",
      '2019-12-01',
    );
    expect(all.find((m) => m.text === 'he')?.entityId).toBe('abiy-ahmed');
  });

  it('does not read a national "High Security Council" as the UN body', () => {
    const all = mentions("Algeria's High Security Council met on Monday.");
    expect(all.some((m) => m.entityId === 'UNSC')).toBe(false);
  });

  it('reads a surname after a month or a day as the person, not part of a longer name', () => {
    const all = mentions(
      'Anthony Albanese took office in May. In November Albanese met Xi. On Friday Albanese flew home.',
      '2022-12-01',
    );
    expect(all.filter((m) => m.text === 'Albanese').map((m) => m.entityId)).toEqual([
      'anthony-albanese',
      'anthony-albanese',
    ]);
  });
});

describe('actors helpers', () => {
  it('gives canonical names, records and countries', () => {
    expect(personName('kim-jong-un')).toBe('Kim Jong-un');
    expect(personName('sergei-lavrov')).toBe('Sergei Lavrov');
    expect(lookupPerson('vladimir-putin')?.roles.some((r) => r.country === 'RUS' && r.role === 'hos')).toBe(
      true,
    );
    expect(countryOf('sergei-lavrov')).toBe('RUS');
    expect(countryOf('josef-stalin')).toBe('SUN');
    expect(countryOf('PRK')).toBe('PRK');
    expect(countryOf('KPA')).toBe('PRK');
    expect(countryOf('nobody-at-all')).toBeNull();
  });
});

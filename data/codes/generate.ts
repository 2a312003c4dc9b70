/**
 * Writes Dyad's own code tables (data/codes/*.json) from public facts. Run once by a developer:
 *   npx tsx data/codes/generate.ts [path/to/shared/data]
 * The product reads only the JSON written here, never the source folder.
 *
 * Sources (see data/codes/SOURCE.md): CAMEO event codes and names (GDELT lookup), Goldstein scale
 * (GDELT and ICEWS versions), CAMEO→PLOVER crosswalk (Schrodt, draft 0.8, 2021), FIPS 10-4→ISO 3166
 * country codes, and country names/numeric codes from the `world-countries` package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = resolve(process.argv[2] ?? join(here, '../../../shared/data'));

function lines(path: string): string[] {
  return readFileSync(join(sourceDir, path), 'utf8').split(/\r?\n/);
}

// --- CAMEO codes, names and Goldstein values ---
const names = new Map<string, string>();
for (const line of lines('cameo/LOOKUP-CAMEO.eventcodes.txt').slice(1)) {
  const [code, name] = line.split('\t');
  if (code && name) names.set(code.trim(), name.trim());
}
const goldsteinGdelt = new Map<string, number>();
for (const line of lines('cameo/cameoCodeTable.tsv').slice(1)) {
  const [code, , value] = line.split('\t');
  if (code && value !== undefined && value.trim() !== '') goldsteinGdelt.set(code.trim(), Number(value));
}
const goldsteinIcews = new Map<string, number>();
for (const line of lines('cameo/goldstein_mappings.csv').slice(1)) {
  const cells = line.split(',');
  const code = cells[0]?.trim();
  const value = cells[cells.length - 3];
  if (code && value !== undefined && value.trim() !== '') goldsteinIcews.set(code, Number(value));
}

// --- CAMEO → PLOVER crosswalk; the first line for a code wins (the table lists root 08 twice) ---
const crosswalk = new Map<string, { event: string; mode: string | null; context: string | null }>();
for (const line of lines('plover/CAMEO2PLOVER-2021.txt')) {
  const match = /^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?/.exec(line);
  if (!match) continue;
  const [, code, event, mode, context] = match;
  if (!code || !event || crosswalk.has(code)) continue;
  crosswalk.set(code, {
    event,
    mode: mode?.trim() ? mode.trim() : null,
    context: context?.trim() ? context.trim() : null,
  });
}
// The crosswalk starts at CAMEO 03. PLOVER folds CAMEO 02 (appeal) into REQUEST together with 10
// (demand); CAMEO 01 (public statements) has no PLOVER category and stays unmapped.
const APPEAL_ROOT = '02';

function ploverFor(code: string): { event: string; mode: string | null } | null {
  for (let length = code.length; length >= 2; length--) {
    const hit = crosswalk.get(code.slice(0, length));
    if (hit) return { event: hit.event, mode: hit.mode };
  }
  if (code.startsWith(APPEAL_ROOT)) return { event: 'REQUEST', mode: null };
  return null;
}

// GDELT QuadClass by CAMEO root: 1 verbal cooperation (01–05), 2 material cooperation (06–09),
// 3 verbal conflict (10–14), 4 material conflict (15–20).
function quadFor(code: string): number {
  const root = Number(code.slice(0, 2));
  if (root <= 5) return 1;
  if (root <= 9) return 2;
  if (root <= 14) return 3;
  return 4;
}

const allCodes = [...new Set([...names.keys(), ...goldsteinGdelt.keys(), ...crosswalk.keys()])]
  .filter((c) => /^\d{2,4}$/.test(c))
  .sort();
const codes: Record<string, unknown> = {};
const perType = new Map<string, number[]>();
for (const code of allCodes) {
  const plover = ploverFor(code);
  const gdelt = goldsteinGdelt.get(code) ?? goldsteinGdelt.get(code.slice(0, 3)) ?? null;
  codes[code] = {
    name: names.get(code) ?? null,
    quad: quadFor(code),
    goldstein: gdelt,
    goldsteinIcews: goldsteinIcews.get(code) ?? null,
    plover: plover?.event ?? null,
    mode: plover?.mode ?? null,
  };
  if (plover && gdelt !== null) perType.set(plover.event, [...(perType.get(plover.event) ?? []), gdelt]);
}
// Default intensity of a PLOVER type: the mean GDELT Goldstein value of the CAMEO codes that map to it.
const ploverDefaults: Record<string, number> = {};
for (const [type, values] of [...perType].sort()) {
  ploverDefaults[type] = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}
writeFileSync(
  join(here, 'cameo.json'),
  `${JSON.stringify({ goldsteinVersion: 'GDELT cameoCodeTable', codes, ploverDefaults }, null, 1)}\n`,
);

// --- FIPS 10-4 → ISO alpha-3 ---
const fipsSource = JSON.parse(readFileSync(join(sourceDir, 'cameo/countries.json'), 'utf8')) as Record<
  string,
  { iso3: string | null; name: string }
>;
const fips: Record<string, string> = {};
for (const [code, entry] of Object.entries(fipsSource).sort()) if (entry.iso3) fips[code] = entry.iso3;
writeFileSync(join(here, 'fips-iso3.json'), `${JSON.stringify(fips, null, 1)}\n`);

// --- Country names and ISO numeric codes → ISO alpha-3 ---
interface WorldCountry {
  name: { common: string; official: string };
  cca3: string;
  ccn3: string;
  altSpellings: string[];
}
const require = createRequire(import.meta.url);
const world = require('world-countries') as WorldCountry[];
const byName: Record<string, string> = {};
const byNumeric: Record<string, string> = {};
const iso3: string[] = [];
const addName = (name: string, code: string) => {
  const key = name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').trim();
  if (key.length > 2 && !(key in byName)) byName[key] = code;
};
for (const c of world) {
  iso3.push(c.cca3);
  addName(c.name.common, c.cca3);
  addName(c.name.official, c.cca3);
  for (const alt of c.altSpellings) addName(alt, c.cca3);
  if (c.ccn3) byNumeric[String(Number(c.ccn3))] = c.cca3;
}
for (const entry of Object.values(fipsSource)) if (entry.iso3) addName(entry.name, entry.iso3);
// Names used by event datasets that neither list spells this way.
const extra: Record<string, string> = {
  'occupied palestinian territory': 'PSE',
  palestine: 'PSE',
  'russian federation': 'RUS',
  'democratic republic of congo': 'COD',
  'republic of congo': 'COG',
  'ivory coast': 'CIV',
  'east timor': 'TLS',
  swaziland: 'SWZ',
  macedonia: 'MKD',
  burma: 'MMR',
  'czech republic': 'CZE',
  'united states of america': 'USA',
  'bosnia and herzegovina': 'BIH',
  'vatican city': 'VAT',
  'cape verde': 'CPV',
};
for (const [name, code] of Object.entries(extra)) addName(name, code);
writeFileSync(
  join(here, 'countries.json'),
  `${JSON.stringify({ iso3: iso3.sort(), byName, byNumeric }, null, 1)}\n`,
);
console.log(
  `wrote ${allCodes.length} CAMEO codes, ${Object.keys(fips).length} FIPS codes, ${Object.keys(byName).length} country names`,
);

// --- ACLED sub-event type → PLOVER event type and mode: Dyad's own reading of the two codebooks
// (ACLED event types: acleddata.com codebook; PLOVER: openeventdata/PLOVER manual). ---
const acled: Record<string, { plover: string | null; mode: string | null }> = {
  'Armed clash': { plover: 'ASSAULT', mode: 'firearms' },
  'Government regains territory': { plover: 'ASSAULT', mode: null },
  'Non-state actor overtakes territory': { plover: 'ASSAULT', mode: null },
  'Chemical weapon': { plover: 'ASSAULT', mode: 'unconventional' },
  'Air/drone strike': { plover: 'ASSAULT', mode: 'aerial' },
  'Suicide bomb': { plover: 'ASSAULT', mode: 'suicide-attack' },
  'Shelling/artillery/missile attack': { plover: 'ASSAULT', mode: 'heavy-weapons' },
  'Remote explosive/landmine/IED': { plover: 'ASSAULT', mode: 'explosives' },
  Grenade: { plover: 'ASSAULT', mode: 'explosives' },
  'Peaceful protest': { plover: 'PROTEST', mode: 'demo' },
  'Protest with intervention': { plover: 'PROTEST', mode: 'demo' },
  'Excessive force against protesters': { plover: 'COERCE', mode: null },
  'Violent demonstration': { plover: 'PROTEST', mode: 'riot' },
  'Mob violence': { plover: 'PROTEST', mode: 'riot' },
  Agreement: { plover: 'AGREE', mode: null },
  Arrests: { plover: 'COERCE', mode: 'arrest' },
  'Change to group/activity': { plover: null, mode: null },
  'Disrupted weapons use': { plover: 'COERCE', mode: null },
  'Headquarters or base established': { plover: 'MOBILIZE', mode: null },
  'Looting/property destruction': { plover: 'COERCE', mode: 'seize' },
  'Non-violent transfer of territory': { plover: 'RETREAT', mode: 'withdraw' },
  Other: { plover: null, mode: null },
  'Sexual violence': { plover: 'ASSAULT', mode: 'sexual' },
  Attack: { plover: 'ASSAULT', mode: null },
  'Abduction/forced disappearance': { plover: 'ASSAULT', mode: 'abduct' },
};
writeFileSync(join(here, 'acled-plover.json'), `${JSON.stringify({ subEventTypes: acled }, null, 1)}\n`);

import { describe, expect, it } from 'vitest';
import { codeTables } from './codes.js';
import { GdeltEventScanner } from './gdelt.js';

/** A 58-column GDELT 1.0 row: id, date, actor countries, CAMEO code, QuadClass, Goldstein, place, URL. */
function row(id: string, date: string, cameo: string, goldstein: string, lat: string, url: string): string {
  const fields: string[] = new Array(58).fill('');
  fields[0] = id;
  fields[1] = date;
  fields[5] = 'RUSGOV';
  fields[7] = 'RUS';
  fields[15] = 'PRK';
  fields[17] = 'PRK';
  fields[26] = cameo;
  fields[29] = '1';
  fields[30] = goldstein;
  fields[51] = 'KN';
  fields[53] = lat;
  fields[54] = '127.5';
  fields[57] = url;
  return fields.join('\t');
}

const FILE = [
  row('11', '20240619', '042', '1.9', '39.0392', 'https://example.org/a?q="x"'),
  'not\ta\tgdelt\trow',
  row('12', '20241340', '042', '1.9', '', ''),
  row('13', '20240620', '0871', '-2.85', '-0.5', 'https://example.org/ünïcode'),
  row('14', '20240621', '057', '', '4e1', 'https://example.org/b'),
].join('\r\n');

type Parsed = { rows: unknown[][]; bad: [number, string][] };

function parse(chunks: Uint8Array[]): Parsed {
  const out: Parsed = { rows: [], bad: [] };
  const scanner = new GdeltEventScanner(codeTables(), {
    row: (...columns) => out.rows.push(columns),
    bad: (line, reason) => out.bad.push([line, reason]),
  });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return out;
}

describe('GdeltEventScanner', () => {
  const bytes = new TextEncoder().encode(FILE);
  const whole = parse([bytes]);

  it('reads rows from bytes: codes, exact decimals, JSON detail with escaped URLs', () => {
    expect(whole.rows).toHaveLength(3);
    const [first, second, third] = whole.rows as unknown[][];
    expect(first?.slice(1, 7)).toEqual([20240619, 'RUS', 'PRK', '042', 'CONSULT', 1.9]);
    expect(JSON.parse(first?.[7] as string)).toEqual({
      sourceCode: 'RUSGOV',
      targetCode: 'PRK',
      quad: 1,
      mode: 'visit',
      url: 'https://example.org/a?q="x"',
      actionCountry: 'PRK',
      lat: 39.0392,
      lon: 127.5,
    });
    expect(second?.[6]).toBe(-2.85);
    expect(JSON.parse(second?.[7] as string)).toMatchObject({
      url: 'https://example.org/ünïcode',
      lat: -0.5,
    });
    // An empty Goldstein value falls back to the code's; an exponent is read by Number.
    expect(third?.[6]).toBe(codeTables().cameo.get('057')?.goldstein);
    expect(JSON.parse(third?.[7] as string)).toMatchObject({ lat: 40 });
  });

  it('reports bad rows with their line numbers', () => {
    expect(whole.bad).toEqual([
      [2, 'wrong column count: 4 (GDELT events have 57, 58 or 61)'],
      [3, "bad date '20241340'"],
    ]);
  });

  it('gives the same rows whatever the chunk boundaries, and reads a last line without a newline', () => {
    for (const size of [1, 2, 7, 64, 333]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
      expect(parse(chunks)).toEqual(whole);
    }
  });
});

import { Buffer } from 'node:buffer';
import type BetterSqlite3 from 'better-sqlite3';
import { defaultIntensity, OTHER_TYPE, rollupTypeAndScore } from '../../analysis/pair.js';
import type { DyadDocument, DyadEvent, Finding } from '../../domain/model.js';
import type {
  CodedDataset,
  CodedEventBatch,
  CodedEventDetail,
  CodedEventQuery,
  CodedEventRow,
  CodedEventStore,
  CodedImportBatch,
  CodedMentionRow,
  EventOrigin,
  PairRollupQuery,
  PairRollupRow,
  PairSummary,
} from '../coded.js';
import { codedEventKey, codedKeyOrigin, codedKeyRange } from '../coded.js';
import { CodedBlock, type CodedBlockBounds, codedBlockBounds, encodeCodedBlock } from '../coded-block.js';

// Rollup deltas are kept in memory between flushes (about 100 bytes a cell); flushing this often keeps
// memory flat on huge files, and rarely enough that a cell is upserted a few times per file, not per row.
const ROLLUP_FLUSH_CELLS = 250_000;
const IMPORT_CACHE_KIB = 32 * 1024;

type Statement = BetterSqlite3.Statement<unknown[]>;

interface RollupCell {
  source: string;
  target: string;
  day: number;
  type: string;
  origin: EventOrigin;
  count: number;
  scoreSum: number;
}

/** One rollup table (by day, or by month with day 00): upsert a cell, and optionally drop it at zero. */
class CellTable {
  private readonly upsert: Statement;
  private readonly prune: Statement | null;

  constructor(
    connection: BetterSqlite3.Database,
    table: 'pair_rollup' | 'pair_rollup_month',
    prune: boolean,
  ) {
    this.upsert = connection.prepare(
      `INSERT INTO ${table} (source, target, day, type, origin, count, score_sum) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source, target, day, type, origin)
       DO UPDATE SET count = count + excluded.count, score_sum = score_sum + excluded.score_sum`,
    );
    this.prune = prune
      ? connection.prepare(
          `DELETE FROM ${table} WHERE source = ? AND target = ? AND day = ? AND type = ? AND origin = ? AND count <= 0`,
        )
      : null;
  }

  write(c: RollupCell): void {
    this.upsert.run(c.source, c.target, c.day, c.type, c.origin, c.count, c.scoreSum);
    this.prune?.run(c.source, c.target, c.day, c.type, c.origin);
  }
}

/** A pending cell's sums. */
interface CellSums {
  count: number;
  scoreSum: number;
}

/** One directed pair's pending cells: day → type and origin (see `RollupWriter.cellKey`) → sums. */
interface PairCells {
  readonly source: string;
  readonly target: string;
  readonly days: Map<number, Map<number, CellSums>>;
}

/**
 * Accumulates rollup deltas and writes them with upserts (also into the unordered pair totals).
 * Cells are grouped by pair, then day, so a flush can visit them in the tables' key order cheaply: upserts in
 * key order touch each B-tree page once instead of once per cell. A pending cell is two numbers under numeric
 * keys (no string is made per delta), so many can wait: each flush upserts every pending cell, and a cell
 * upserted once per file costs less than one upserted in several flushes.
 */
class RollupWriter {
  private readonly pairs = new Map<string, Map<string, PairCells>>();
  private readonly typeIndex = new Map<string, number>();
  private readonly types: string[] = [];
  private size = 0;
  private readonly day: CellTable;
  private readonly month: CellTable;
  private readonly upsertTotal: Statement;
  private readonly pruneTotal: Statement | null;

  /** `prune`: delete cells that reach zero (when subtracting a replaced document's events). */
  constructor(connection: BetterSqlite3.Database, prune = false) {
    this.day = new CellTable(connection, 'pair_rollup', prune);
    this.month = new CellTable(connection, 'pair_rollup_month', prune);
    this.pruneTotal = prune
      ? connection.prepare('DELETE FROM pair_totals WHERE a = ? AND b = ? AND origin = ? AND count <= 0')
      : null;
    this.upsertTotal = connection.prepare(
      `INSERT INTO pair_totals (a, b, origin, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (a, b, origin) DO UPDATE SET count = count + excluded.count`,
    );
  }

  /** A type and origin as one number: twice the type's index, plus one for extracted events. */
  private cellKey(type: string, origin: EventOrigin): number {
    let index = this.typeIndex.get(type);
    if (index === undefined) {
      index = this.types.push(type) - 1;
      this.typeIndex.set(type, index);
    }
    return index * 2 + (origin === 'extracted' ? 1 : 0);
  }

  add(
    source: string,
    target: string,
    day: number,
    type: string,
    origin: EventOrigin,
    count: number,
    score: number,
  ): void {
    let targets = this.pairs.get(source);
    if (!targets) {
      targets = new Map();
      this.pairs.set(source, targets);
    }
    let pair = targets.get(target);
    if (!pair) {
      pair = { source, target, days: new Map() };
      targets.set(target, pair);
    }
    let cells = pair.days.get(day);
    if (!cells) {
      cells = new Map();
      pair.days.set(day, cells);
    }
    const key = this.cellKey(type, origin);
    const cell = cells.get(key);
    if (cell) {
      cell.count += count;
      cell.scoreSum += score;
    } else {
      cells.set(key, { count, scoreSum: score });
      if (++this.size >= ROLLUP_FLUSH_CELLS) this.flush();
    }
  }

  flush(): void {
    const totals = new Map<string, { a: string; b: string; origin: EventOrigin; count: number }>();
    const byTypeName = (x: number, y: number) => {
      const [tx, ty] = [this.types[x >> 1] as string, this.types[y >> 1] as string];
      return tx < ty ? -1 : tx > ty ? 1 : x - y;
    };
    const cell = (pair: PairCells, day: number, key: number, sums: CellSums): RollupCell => ({
      source: pair.source,
      target: pair.target,
      day,
      type: this.types[key >> 1] as string,
      origin: key & 1 ? 'extracted' : 'coded',
      count: sums.count,
      scoreSum: sums.scoreSum,
    });
    for (const source of [...this.pairs.keys()].sort()) {
      const targets = this.pairs.get(source) as Map<string, PairCells>;
      for (const target of [...targets.keys()].sort()) {
        const pair = targets.get(target) as PairCells;
        const days = Float64Array.from(pair.days.keys()).sort();
        let months = new Map<number, CellSums>();
        let currentMonth = -1;
        const writeMonths = () => {
          for (const key of [...months.keys()].sort(byTypeName))
            this.month.write(cell(pair, currentMonth, key, months.get(key) as CellSums));
        };
        for (const day of days) {
          const cells = pair.days.get(day) as Map<number, CellSums>;
          const month = day - (day % 100);
          if (month !== currentMonth) {
            writeMonths();
            months = new Map();
            currentMonth = month;
          }
          for (const key of [...cells.keys()].sort(byTypeName)) {
            const sums = cells.get(key) as CellSums;
            this.day.write(cell(pair, day, key, sums));
            const monthSums = months.get(key);
            if (monthSums) {
              monthSums.count += sums.count;
              monthSums.scoreSum += sums.scoreSum;
            } else months.set(key, { ...sums });
            const origin: EventOrigin = key & 1 ? 'extracted' : 'coded';
            const [a, b] = source <= target ? [source, target] : [target, source];
            const totalKey = `${a}\t${b}\t${origin}`;
            const total = totals.get(totalKey);
            if (total) total.count += sums.count;
            else totals.set(totalKey, { a, b, origin, count: sums.count });
          }
        }
        writeMonths();
      }
    }
    for (const { a, b, origin, count } of totals.values()) {
      this.upsertTotal.run(a, b, origin, count);
      this.pruneTotal?.run(a, b, origin);
    }
    this.clear();
  }

  clear(): void {
    this.pairs.clear();
    this.size = 0;
  }
}

/** A stored block's row, without its bytes. */
interface BlockEntry {
  id: number;
  last_key: number;
}

export class SqliteCodedEventStore implements CodedEventStore {
  private statements: {
    insertBlock: Statement;
    overlapping: Statement;
    blockData: Statement;
    insertMention: Statement;
  } | null = null;
  private importing = false;

  constructor(private readonly connection: BetterSqlite3.Database) {}

  private prepared() {
    this.statements ??= {
      insertBlock: this.connection.prepare(
        'INSERT INTO coded_blocks (first_key, last_key, first_day, last_day, size, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      overlapping: this.connection
        .prepare('SELECT id FROM coded_blocks WHERE last_key >= ? AND first_key <= ?')
        .pluck(),
      blockData: this.connection.prepare('SELECT data FROM coded_blocks WHERE id = ?').pluck(),
      insertMention: this.connection.prepare(
        `INSERT OR IGNORE INTO coded_mentions (dataset, event_id, url, source_name, time, confidence, tone)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    return this.statements;
  }

  private block(id: number): CodedBlock {
    return new CodedBlock(this.prepared().blockData.get(id) as Uint8Array);
  }

  beginImport(): CodedImportBatch {
    if (this.importing) throw new Error('an import is already in progress on this connection');
    const { insertBlock, overlapping, insertMention } = this.prepared();
    const rollup = new RollupWriter(this.connection);
    const connection = this.connection;
    // Keys of the stored blocks read so far (see addEvents' row-by-row path).
    const knownKeys = new Set<number>();
    const loadedBlocks = new Set<number>();
    const storeBlock = (block: Uint8Array, bounds: CodedBlockBounds, size: number) =>
      insertBlock.run(
        bounds.firstKey,
        bounds.lastKey,
        bounds.firstDay,
        bounds.lastDay,
        size,
        Buffer.from(block.buffer, block.byteOffset, block.byteLength),
      );
    // One transaction per file: a failed or interrupted file leaves nothing behind, and WAL keeps the
    // open transaction invisible to readers until COMMIT.
    // A larger page cache keeps the rollup's upserts in memory.
    connection.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    connection.exec('BEGIN IMMEDIATE');
    this.importing = true;
    const end = () => {
      this.importing = false;
    };
    return {
      addEvents: (batch: CodedEventBatch) => {
        const size = batch.size;
        if (size === 0) return { inserted: 0, duplicates: 0 };
        const overlaps = overlapping.all(batch.firstKey, batch.lastKey) as number[];
        // Bulk path: the batch has no duplicate inside and no stored block covers its key range, so every row
        // is new and the rollup increments the parser summed are exact.
        if (batch.increasing && overlaps.length === 0) {
          storeBlock(batch.block, batch, size);
          for (const d of batch.rollup)
            rollup.add(d.source, d.target, d.day, d.type, 'coded', d.count, d.scoreSum);
          return { inserted: size, duplicates: 0 };
        }
        // Row by row: keep the rows whose key is neither stored nor earlier in the file. Each stored block's keys
        // are read once per import, so a file whose ids are scattered over others' costs time linear in its size.
        for (const id of overlaps) {
          if (loadedBlocks.has(id)) continue;
          loadedBlocks.add(id);
          for (const key of this.block(id).keys) knownKeys.add(key);
        }
        const block = new CodedBlock(batch.block);
        const kept: number[] = [];
        for (let i = 0; i < size; i++) {
          const key = block.keys[i] as number;
          if (knownKeys.has(key)) continue;
          knownKeys.add(key);
          kept.push(i);
          const source = block.code(i, 0);
          const target = block.code(i, 1);
          if (source === null || target === null) continue;
          const { type, score } = rollupTypeAndScore(block.code(i, 3), block.goldstein(i));
          rollup.add(source, target, block.days[i] as number, type, 'coded', 1, score);
        }
        if (kept.length > 0) {
          const columns = block.select(kept);
          const stored = storeBlock(encodeCodedBlock(columns), codedBlockBounds(columns), kept.length);
          loadedBlocks.add(Number(stored.lastInsertRowid));
        }
        return { inserted: kept.length, duplicates: size - kept.length };
      },
      addMention(row: CodedMentionRow): boolean {
        const result = insertMention.run(
          row.dataset,
          row.eventId,
          row.url,
          row.sourceName,
          row.time,
          row.confidence,
          row.tone,
        );
        return result.changes > 0;
      },
      commit(): void {
        try {
          rollup.flush();
          connection.exec('COMMIT');
        } finally {
          end();
        }
      },
      rollback(): void {
        rollup.clear();
        try {
          if (connection.inTransaction) connection.exec('ROLLBACK');
        } finally {
          end();
        }
      },
    };
  }

  async countEvents(dataset?: CodedDataset): Promise<number> {
    const [first, last] = dataset ? codedKeyRange(dataset) : [0, Number.MAX_SAFE_INTEGER];
    const row = this.connection
      .prepare('SELECT coalesce(sum(size), 0) AS n FROM coded_blocks WHERE first_key >= ? AND last_key <= ?')
      .get(first, last) as { n: number };
    return Number(row.n);
  }

  async countMentions(): Promise<number> {
    const row = this.connection.prepare('SELECT count(*) AS n FROM coded_mentions').get() as { n: number };
    return Number(row.n);
  }

  async codedEvent(dataset: CodedDataset, originalId: string): Promise<CodedEventRow | null> {
    const key = codedEventKey(dataset, originalId);
    if (key === null) return null;
    for (const id of this.prepared().overlapping.all(key, key) as number[]) {
      const block = this.block(id);
      const row = block.keys.indexOf(key);
      if (row !== -1) return codedEventRow(block, row);
    }
    return null;
  }

  async codedEvents(query: CodedEventQuery): Promise<CodedEventRow[]> {
    const limit = query.limit ?? 100;
    const [first, last] = query.dataset ? codedKeyRange(query.dataset) : [0, Number.MAX_SAFE_INTEGER];
    // Blocks are read newest key first and skipped, undecoded, when their days or string table rule them out.
    const entries = this.connection
      .prepare(
        `SELECT id, last_key FROM coded_blocks
         WHERE first_key >= ? AND last_key <= ? AND last_day >= ? AND first_day <= ? ORDER BY last_key DESC`,
      )
      .all(first, last, query.from ?? 0, query.to ?? 99_999_999) as BlockEntry[];
    const found: CodedEventRow[] = [];
    const matches = eventMatcher(query);
    for (const entry of entries) {
      // Rows are kept newest first; once `limit` of them are newer than anything left, the answer is complete.
      if (found.length >= limit && (found[limit - 1] as CodedEventRow).key > entry.last_key) break;
      const block = this.block(entry.id);
      if (!matches.block(block)) continue;
      for (let row = 0; row < block.size; row++)
        if (matches.row(block, row)) found.push(codedEventRow(block, row));
      found.sort((x, y) => y.key - x.key);
      found.length = Math.min(found.length, limit);
    }
    return found;
  }

  async pairRollup(query: PairRollupQuery): Promise<PairRollupRow[]> {
    const directions: [string, string][] = [];
    if (query.direction !== 'ba') directions.push([query.a, query.b]);
    if (query.direction !== 'ab' && query.a !== query.b) directions.push([query.b, query.a]);
    // Monthly cells answer month and year questions with ~30 times fewer rows; their bounds widen to whole months.
    const monthly = query.granularity === 'month';
    const from = query.from ?? 0;
    const to = query.to ?? 99_999_999;
    const statement = this.connection.prepare(
      `SELECT source, target, day, type, origin, count, score_sum AS scoreSum
       FROM ${monthly ? 'pair_rollup_month' : 'pair_rollup'}
       WHERE source = ? AND target = ? AND day BETWEEN ? AND ?${query.origin === 'all' ? '' : ' AND origin = ?'}`,
    );
    const rows: PairRollupRow[] = [];
    for (const [source, target] of directions) {
      const params: unknown[] = [
        source,
        target,
        monthly ? from - (from % 100) : from,
        monthly ? to - (to % 100) + 99 : to,
      ];
      if (query.origin !== 'all') params.push(query.origin);
      rows.push(...(statement.all(...params) as PairRollupRow[]));
    }
    return rows;
  }

  async topPairs(options: { limit?: number; origin?: EventOrigin | 'all' } = {}): Promise<PairSummary[]> {
    const rows = this.connection
      .prepare(
        `SELECT a, b, sum(count) AS count,
                sum(CASE WHEN origin = 'coded' THEN count ELSE 0 END) AS coded,
                sum(CASE WHEN origin = 'extracted' THEN count ELSE 0 END) AS extracted
         FROM pair_totals WHERE a <> b ${options.origin && options.origin !== 'all' ? 'AND origin = ?' : ''}
         GROUP BY a, b HAVING sum(count) > 0 ORDER BY count DESC, a, b LIMIT ?`,
      )
      .all(
        ...(options.origin && options.origin !== 'all' ? [options.origin] : []),
        options.limit ?? 20,
      ) as PairSummary[];
    return rows.map((r) => ({
      ...r,
      count: Number(r.count),
      coded: Number(r.coded),
      extracted: Number(r.extracted),
    }));
  }
}

/** Tests a block (by its string table) and its rows against a query's actors and days. */
function eventMatcher(query: CodedEventQuery) {
  const { a, b, from = 0, to = 99_999_999 } = query;
  const direction = query.direction ?? 'both';
  return {
    block(block: CodedBlock): boolean {
      return [a, b].every((actor) => actor === undefined || block.strings.includes(actor));
    },
    row(block: CodedBlock, row: number): boolean {
      const day = block.days[row] as number;
      if (day < from || day > to) return false;
      if (a === undefined) return true;
      const source = block.code(row, 0);
      const target = block.code(row, 1);
      if (b === undefined) return source === a || target === a;
      const ab = source === a && target === b;
      const ba = source === b && target === a;
      return direction === 'ab' ? ab : direction === 'ba' ? ba : ab || ba;
    },
  };
}

function codedEventRow(block: CodedBlock, row: number): CodedEventRow {
  const detail = JSON.parse(block.detail(row)) as CodedEventDetail;
  const key = block.keys[row] as number;
  const { dataset, originalId } = codedKeyOrigin(key, detail.id);
  return {
    dataset,
    originalId,
    key,
    day: block.days[row] as number,
    sourceActor: block.code(row, 0),
    targetActor: block.code(row, 1),
    sourceActorCode: detail.sourceCode ?? null,
    targetActorCode: detail.targetCode ?? null,
    cameo: block.code(row, 2),
    quadClass: detail.quad ?? null,
    plover: block.code(row, 3),
    mode: detail.mode ?? null,
    goldstein: block.goldstein(row),
    sourceUrl: detail.url ?? null,
    sourceName: detail.sourceName ?? null,
    actionCountry: detail.actionCountry ?? null,
    lat: detail.lat ?? null,
    lon: detail.lon ?? null,
  };
}

/** yyyymmdd of a TIMEX3 date value (first part of an interval); 00 for an unknown month or day. */
export function dayOfTimex(value: string | null): number | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 10000 + Number(match[2] ?? 0) * 100 + Number(match[3] ?? 0);
}

function rollupEvents(
  rollup: RollupWriter,
  events: readonly DyadEvent[],
  published: string | null,
  sign: 1 | -1,
): void {
  for (const event of events) {
    if (!event.source || !event.target) continue;
    // An event the text does not date is placed on the report's date: the best bound we have.
    const day = dayOfTimex(event.date) ?? dayOfTimex(published);
    if (day === null) continue;
    const type = event.type || OTHER_TYPE;
    rollup.add(event.source, event.target, day, type, event.origin, sign, sign * defaultIntensity(type));
  }
}

/**
 * Keeps the pair rollup in step with a document's event findings. Call inside writeDocument's
 * transaction before the old findings are deleted: subtracts the stored events, adds the new ones.
 */
export function updateEventRollupForDocument(
  connection: BetterSqlite3.Database,
  document: DyadDocument,
  findings: readonly Finding[],
): void {
  const rollup = new RollupWriter(connection, true);
  const old = connection
    .prepare(
      `SELECT f.data AS data, d.published AS published FROM findings f JOIN documents d ON d.id = f.doc_id
       WHERE f.doc_id = ? AND f.kind = 'event'`,
    )
    .all(document.id) as { data: string; published: string | null }[];
  for (const row of old) {
    rollupEvents(rollup, [JSON.parse(row.data) as DyadEvent], row.published, -1);
  }
  const events = findings.filter((f): f is DyadEvent => f.kind === 'event');
  rollupEvents(rollup, events, document.published, 1);
  rollup.flush();
}

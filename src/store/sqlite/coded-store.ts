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

// Rollup deltas are kept in memory between flushes (about 150 bytes a cell); flushing this often keeps
// memory flat on huge files, and rarely enough that a cell is upserted a few times per file, not per row.
const ROLLUP_FLUSH_CELLS = 100_000;
const IMPORT_CACHE_KIB = 64 * 1024;

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

/** One directed pair's pending cells: day → `type\torigin` → cell. */
interface PairCells {
  readonly source: string;
  readonly target: string;
  readonly days: Map<number, Map<string, RollupCell>>;
}

/**
 * Accumulates rollup deltas and writes them with upserts (also into the unordered pair totals).
 * Cells are grouped by pair, then day, so a flush can visit them in the tables' key order cheaply: upserts in
 * key order touch each B-tree page once instead of once per cell.
 */
class RollupWriter {
  private readonly pairs = new Map<string, PairCells>();
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

  add(
    source: string,
    target: string,
    day: number,
    type: string,
    origin: EventOrigin,
    count: number,
    score: number,
  ): void {
    const pairKey = `${source}\t${target}`;
    let pair = this.pairs.get(pairKey);
    if (!pair) {
      pair = { source, target, days: new Map() };
      this.pairs.set(pairKey, pair);
    }
    let cells = pair.days.get(day);
    if (!cells) {
      cells = new Map();
      pair.days.set(day, cells);
    }
    const cellKey = `${type}\t${origin}`;
    const cell = cells.get(cellKey);
    if (cell) {
      cell.count += count;
      cell.scoreSum += score;
    } else {
      cells.set(cellKey, { source, target, day, type, origin, count, scoreSum: score });
      if (++this.size >= ROLLUP_FLUSH_CELLS) this.flush();
    }
  }

  flush(): void {
    const totals = new Map<string, { a: string; b: string; origin: EventOrigin; count: number }>();
    for (const pairKey of [...this.pairs.keys()].sort()) {
      const pair = this.pairs.get(pairKey) as PairCells;
      const days = Float64Array.from(pair.days.keys()).sort();
      let months = new Map<string, RollupCell>();
      let currentMonth = -1;
      for (const day of days) {
        const cells = pair.days.get(day) as Map<string, RollupCell>;
        const month = day - (day % 100);
        if (month !== currentMonth) {
          for (const cell of months.values()) this.month.write(cell);
          months = new Map();
          currentMonth = month;
        }
        for (const cellKey of [...cells.keys()].sort()) {
          const c = cells.get(cellKey) as RollupCell;
          this.day.write(c);
          const monthCell = months.get(cellKey);
          if (monthCell) {
            monthCell.count += c.count;
            monthCell.scoreSum += c.scoreSum;
          } else months.set(cellKey, { ...c, day: month });
          const [a, b] = c.source <= c.target ? [c.source, c.target] : [c.target, c.source];
          const totalKey = `${a}\t${b}\t${c.origin}`;
          const total = totals.get(totalKey);
          if (total) total.count += c.count;
          else totals.set(totalKey, { a, b, origin: c.origin, count: c.count });
        }
      }
      for (const cell of months.values()) this.month.write(cell);
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

const EVENT_COLUMNS = 'key, day, source_actor, target_actor, cameo, plover, goldstein, detail';
const EVENT_PARAMS = 8;
// Rows per INSERT statement on the bulk path: one call binds many rows, which halves the cost per row.
const ROWS_PER_INSERT = 32;

interface StoredEventRow {
  key: number;
  day: number;
  source_actor: string | null;
  target_actor: string | null;
  cameo: string | null;
  plover: string | null;
  goldstein: number | null;
  detail: string;
}

export class SqliteCodedEventStore implements CodedEventStore {
  private statements: {
    insertMany: Statement;
    insertOne: Statement;
    anyKeyBetween: Statement;
    insertMention: Statement;
  } | null = null;
  private importing = false;

  constructor(private readonly connection: BetterSqlite3.Database) {}

  private prepared() {
    const rowParams = `(${new Array(EVENT_PARAMS).fill('?').join(', ')})`;
    this.statements ??= {
      insertMany: this.connection.prepare(
        `INSERT OR IGNORE INTO coded_events (${EVENT_COLUMNS}) VALUES ${new Array(ROWS_PER_INSERT).fill(rowParams).join(', ')}`,
      ),
      insertOne: this.connection.prepare(
        `INSERT OR IGNORE INTO coded_events (${EVENT_COLUMNS}) VALUES ${rowParams}`,
      ),
      anyKeyBetween: this.connection
        .prepare('SELECT 1 FROM coded_events WHERE key BETWEEN ? AND ? LIMIT 1')
        .pluck(),
      insertMention: this.connection.prepare(
        `INSERT OR IGNORE INTO coded_mentions (dataset, event_id, url, source_name, time, confidence, tone)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    return this.statements;
  }

  beginImport(): CodedImportBatch {
    if (this.importing) throw new Error('an import is already in progress on this connection');
    const { insertMany, insertOne, anyKeyBetween, insertMention } = this.prepared();
    const rollup = new RollupWriter(this.connection);
    const connection = this.connection;
    // The import's string table: batches carry actor, CAMEO and PLOVER codes as indexes into it.
    const strings: (string | null)[] = [null];
    const params: unknown[] = new Array(ROWS_PER_INSERT * EVENT_PARAMS);
    // One transaction per file: a failed or interrupted file leaves nothing behind, and WAL keeps the
    // open transaction invisible to readers until COMMIT.
    // A larger page cache keeps the rollup's upserts and the table's right edge in memory.
    connection.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    connection.exec('BEGIN IMMEDIATE');
    this.importing = true;
    const end = () => {
      this.importing = false;
    };
    /** Writes row `i` of the batch into `params` from `offset`; returns where its detail ends. */
    const fill = (batch: CodedEventBatch, i: number, offset: number, detailStart: number): number => {
      const c = i * 4;
      const goldstein = batch.goldstein[i] as number;
      const detailEnd = batch.detailEnds[i] as number;
      params[offset] = batch.keys[i];
      params[offset + 1] = batch.days[i];
      params[offset + 2] = strings[batch.codes[c] as number];
      params[offset + 3] = strings[batch.codes[c + 1] as number];
      params[offset + 4] = strings[batch.codes[c + 2] as number];
      params[offset + 5] = strings[batch.codes[c + 3] as number];
      params[offset + 6] = Number.isNaN(goldstein) ? null : goldstein;
      params[offset + 7] = batch.details.slice(detailStart, detailEnd);
      return detailEnd;
    };
    return {
      addEvents(batch: CodedEventBatch) {
        for (const value of batch.newStrings) strings.push(value);
        const size = batch.size;
        if (size === 0) return { inserted: 0, duplicates: 0 };
        let detailStart = 0;
        // Bulk path: the batch has no duplicate inside and no stored key within its key range, so every row
        // is new and the rollup increments the parser summed are exact.
        const fresh =
          batch.increasing && anyKeyBetween.get(batch.keys[0], batch.keys[size - 1]) === undefined;
        if (fresh) {
          let i = 0;
          for (; i + ROWS_PER_INSERT <= size; i += ROWS_PER_INSERT) {
            for (let r = 0; r < ROWS_PER_INSERT; r++)
              detailStart = fill(batch, i + r, r * EVENT_PARAMS, detailStart);
            insertMany.run(params);
          }
          for (; i < size; i++) {
            detailStart = fill(batch, i, 0, detailStart);
            insertOne.run(params.slice(0, EVENT_PARAMS));
          }
          for (const d of batch.rollup)
            rollup.add(d.source, d.target, d.day, d.type, 'coded', d.count, d.scoreSum);
          return { inserted: size, duplicates: 0 };
        }
        let inserted = 0;
        for (let i = 0; i < size; i++) {
          detailStart = fill(batch, i, 0, detailStart);
          if (insertOne.run(params.slice(0, EVENT_PARAMS)).changes === 0) continue;
          inserted++;
          const [, day, source, target, , plover, goldstein] = params as [
            number,
            number,
            string | null,
            string | null,
            string | null,
            string | null,
            number | null,
          ];
          if (source === null || target === null) continue;
          const { type, score } = rollupTypeAndScore(plover, goldstein);
          rollup.add(source, target, day, type, 'coded', 1, score);
        }
        return { inserted, duplicates: size - inserted };
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
    const row = dataset
      ? this.connection
          .prepare('SELECT count(*) AS n FROM coded_events WHERE key BETWEEN ? AND ?')
          .get(...codedKeyRange(dataset))
      : this.connection.prepare('SELECT count(*) AS n FROM coded_events').get();
    return Number((row as { n: number }).n);
  }

  async countMentions(): Promise<number> {
    const row = this.connection.prepare('SELECT count(*) AS n FROM coded_mentions').get() as { n: number };
    return Number(row.n);
  }

  async codedEvent(dataset: CodedDataset, originalId: string): Promise<CodedEventRow | null> {
    const key = codedEventKey(dataset, originalId);
    if (key === null) return null;
    const row = this.connection.prepare(`SELECT ${EVENT_COLUMNS} FROM coded_events WHERE key = ?`).get(key) as
      | StoredEventRow
      | undefined;
    return row ? codedEventRow(row) : null;
  }

  async codedEvents(query: CodedEventQuery): Promise<CodedEventRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.dataset) {
      where.push('key BETWEEN ? AND ?');
      params.push(...codedKeyRange(query.dataset));
    }
    if (query.a && query.b) {
      // The same condition with the actors bound the other way round.
      const ab = '(source_actor = ? AND target_actor = ?)';
      const ba = ab;
      if (query.direction === 'ab') {
        where.push(ab);
        params.push(query.a, query.b);
      } else if (query.direction === 'ba') {
        where.push(ba);
        params.push(query.b, query.a);
      } else {
        where.push(`(${ab} OR ${ba})`);
        params.push(query.a, query.b, query.b, query.a);
      }
    } else if (query.a) {
      where.push('(source_actor = ? OR target_actor = ?)');
      params.push(query.a, query.a);
    }
    if (query.from !== undefined) {
      where.push('day >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('day <= ?');
      params.push(query.to);
    }
    const rows = this.connection
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM coded_events ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY key DESC LIMIT ?`,
      )
      .all(...params, query.limit ?? 100) as StoredEventRow[];
    return rows.map(codedEventRow);
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

function codedEventRow(row: StoredEventRow): CodedEventRow {
  const detail = JSON.parse(row.detail) as CodedEventDetail;
  const { dataset, originalId } = codedKeyOrigin(row.key, detail.id);
  return {
    dataset,
    originalId,
    key: row.key,
    day: row.day,
    sourceActor: row.source_actor,
    targetActor: row.target_actor,
    sourceActorCode: detail.sourceCode ?? null,
    targetActorCode: detail.targetCode ?? null,
    cameo: row.cameo,
    quadClass: detail.quad ?? null,
    plover: row.plover,
    mode: detail.mode ?? null,
    goldstein: row.goldstein,
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

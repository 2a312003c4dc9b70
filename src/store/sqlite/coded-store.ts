import type BetterSqlite3 from 'better-sqlite3';
import { defaultIntensity, OTHER_TYPE } from '../../analysis/pair.js';
import type { DyadDocument, DyadEvent, Finding } from '../../domain/model.js';
import type {
  CodedDataset,
  CodedEventRow,
  CodedEventStore,
  CodedImportBatch,
  CodedMentionRow,
  EventOrigin,
  PairRollupQuery,
  PairRollupRow,
  PairSummary,
} from '../coded.js';
import { codedKeyRange } from '../coded.js';

// Rollup deltas are kept in memory between flushes; flushing this often keeps memory flat on huge files.
const ROLLUP_FLUSH_CELLS = 50_000;
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

/** Accumulates rollup deltas and writes them with upserts (also into the unordered pair totals). */
class RollupWriter {
  private readonly cells = new Map<string, RollupCell>();
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
    const key = `${source}\t${target}\t${day}\t${type}\t${origin}`;
    const cell = this.cells.get(key);
    if (cell) {
      cell.count += count;
      cell.scoreSum += score;
    } else this.cells.set(key, { source, target, day, type, origin, count, scoreSum: score });
    if (this.cells.size >= ROLLUP_FLUSH_CELLS) this.flush();
  }

  flush(): void {
    const months = new Map<string, RollupCell>();
    const totals = new Map<string, number>();
    for (const c of this.cells.values()) {
      this.day.write(c);
      const monthDay = c.day - (c.day % 100);
      const monthKey = `${c.source}\t${c.target}\t${monthDay}\t${c.type}\t${c.origin}`;
      const month = months.get(monthKey);
      if (month) {
        month.count += c.count;
        month.scoreSum += c.scoreSum;
      } else months.set(monthKey, { ...c, day: monthDay });
      const [a, b] = c.source <= c.target ? [c.source, c.target] : [c.target, c.source];
      const key = `${a}\t${b}\t${c.origin}`;
      totals.set(key, (totals.get(key) ?? 0) + c.count);
    }
    for (const month of months.values()) this.month.write(month);
    for (const [key, count] of totals) {
      const [a, b, origin] = key.split('\t');
      this.upsertTotal.run(a, b, origin, count);
      this.pruneTotal?.run(a, b, origin);
    }
    this.cells.clear();
  }

  clear(): void {
    this.cells.clear();
  }
}

export class SqliteCodedEventStore implements CodedEventStore {
  private insertEvent: Statement | null = null;
  private insertMention: Statement | null = null;
  private importing = false;

  constructor(private readonly connection: BetterSqlite3.Database) {}

  beginImport(): CodedImportBatch {
    if (this.importing) throw new Error('an import is already in progress on this connection');
    this.insertEvent ??= this.connection.prepare(
      `INSERT OR IGNORE INTO coded_events (key, original_id, day, source_actor, target_actor, source_code,
         target_code, cameo, quad, plover, mode, goldstein, source_url, source_name, action_country, lat, lon)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMention ??= this.connection.prepare(
      `INSERT OR IGNORE INTO coded_mentions (dataset, event_id, url, source_name, time, confidence, tone)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEvent = this.insertEvent;
    const insertMention = this.insertMention;
    const rollup = new RollupWriter(this.connection);
    const connection = this.connection;
    // One transaction per file: a failed or interrupted file leaves nothing behind, and WAL keeps the
    // open transaction invisible to readers until COMMIT.
    // A larger page cache keeps the rollup's upserts and the table's right edge in memory.
    connection.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    connection.exec('BEGIN IMMEDIATE');
    this.importing = true;
    const end = () => {
      this.importing = false;
    };
    return {
      addEvent(row: CodedEventRow): boolean {
        const result = insertEvent.run(
          row.key,
          // A numeric id is spelled by the key itself.
          isDigits(row.originalId) ? null : row.originalId,
          row.day,
          row.sourceActor,
          row.targetActor,
          row.sourceActorCode,
          row.targetActorCode,
          row.cameo,
          row.quadClass,
          row.plover,
          row.mode,
          row.goldstein,
          row.sourceUrl,
          row.sourceName,
          row.actionCountry,
          row.lat,
          row.lon,
        );
        if (result.changes === 0) return false;
        if (row.sourceActor && row.targetActor) {
          const type = row.plover ?? OTHER_TYPE;
          const score = row.goldstein ?? defaultIntensity(type);
          rollup.add(row.sourceActor, row.targetActor, row.day, type, 'coded', 1, score);
        }
        return true;
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

function isDigits(value: string): boolean {
  return /^\d+$/.test(value);
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

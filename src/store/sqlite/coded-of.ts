import type { CodedEventStore } from '../coded.js';
import type { Store } from '../store.js';
import { SqliteCodedEventStore } from './coded-store.js';
import { SqliteStore } from './sqlite-store.js';

/** The coded-event store sharing a SQLite store's connection, or null for other adapters. */
export function codedEventsOf(store: Store): CodedEventStore | null {
  return store instanceof SqliteStore ? new SqliteCodedEventStore(store.connection) : null;
}

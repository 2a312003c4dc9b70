import type { Factuality } from '../../domain/model.js';
import { ANALYTIC_KINDS, type AnalyticKind, FACTUALITIES, type Filter } from '../lib/analysis.js';

/** The one filter shared by dashboard, map and network. */
export function FilterBar({
  filter,
  onChange,
  actors,
}: {
  filter: Filter;
  onChange: (filter: Filter) => void;
  actors: readonly string[];
}) {
  const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return (
    <form className="filter-bar" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
      <label>
        From{' '}
        <input
          type="date"
          value={filter.from ?? ''}
          onChange={(e) => onChange({ ...filter, from: e.target.value || null })}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          value={filter.to ?? ''}
          onChange={(e) => onChange({ ...filter, to: e.target.value || null })}
        />
      </label>
      <label>
        Actors{' '}
        <select
          multiple
          size={Math.min(4, Math.max(2, actors.length))}
          value={[...filter.actors]}
          onChange={(e) => onChange({ ...filter, actors: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {actors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Kinds</legend>
        {ANALYTIC_KINDS.map((kind: AnalyticKind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={filter.kinds.includes(kind)}
              onChange={() => onChange({ ...filter, kinds: toggle(filter.kinds, kind) })}
            />
            {kind}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Factuality</legend>
        {FACTUALITIES.map((f: Factuality) => (
          <label key={f}>
            <input
              type="checkbox"
              checked={filter.factuality.includes(f)}
              onChange={() => onChange({ ...filter, factuality: toggle(filter.factuality, f) })}
            />
            {f}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        onClick={() =>
          onChange({
            from: null,
            to: null,
            actors: [],
            kinds: ANALYTIC_KINDS,
            factuality: FACTUALITIES,
          })
        }
      >
        Clear filter
      </button>
    </form>
  );
}

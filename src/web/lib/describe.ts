import type { Finding } from '../../domain/model.js';

/** A one-line label for a finding in lists and tooltips; `text` is the document text when at hand. */
export function describeFinding(finding: Finding, text?: string): string {
  const quote = () => {
    const span = finding.evidence[0];
    return text && span ? `“${text.slice(span.start, span.end)}”` : '';
  };
  switch (finding.kind) {
    case 'sentence':
      return `Sentence ${finding.index + 1}`;
    case 'timex':
      return `${finding.text} → ${finding.value}${finding.mod ? ` (${finding.mod})` : ''}`;
    case 'mention':
      return `${finding.text} → ${finding.entityId ?? 'unresolved'} (${finding.mentionType})`;
    case 'event':
      return `${finding.source ?? '?'} ${finding.type} ${finding.target ?? '?'}${finding.date ? `, ${finding.date}` : ''}${
        finding.factuality === 'asserted' ? '' : ` [${finding.factuality}]`
      }`;
    case 'observation':
      return `${finding.indicator}: ${finding.qualifier ? `${finding.qualifier.replace('_', ' ')} ` : ''}${finding.value.toLocaleString('en')} ${finding.unit}${
        finding.period ? ` (${finding.period})` : ''
      }${finding.subject ? `, ${finding.subject}${finding.partner ? `→${finding.partner}` : ''}` : ''}`;
    case 'claim':
      return `${finding.holder} ${finding.cue}: ${finding.likelihood.replace(/_/g, ' ')} ${quote()}`.trim();
    case 'itinerary':
      return `${finding.traveller}: ${finding.stops.map((s) => s.place.name).join(' → ')}`;
    default: {
      const unreachable: never = finding;
      return unreachable;
    }
  }
}

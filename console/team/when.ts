/** A link's end time, in the agent's own words and zone: "Dec 10, 14:05". */
export function formatUntil(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

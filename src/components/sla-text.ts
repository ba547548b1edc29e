/** "2 d 3 h", "2 h 10 m", "35 m" (under a minute: "1 m"): the two largest units of a span. */
export function spanText(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} m` : `${hours} h`;
  return `${rest} m`;
}

export const isBreached = (dueIso: string, now: number) => new Date(dueIso).getTime() <= now;

/** "First reply due in 2 h 10 m" or "First reply breached 35 m ago". */
export function dueSentence(label: string, dueIso: string, now: number): string {
  const left = new Date(dueIso).getTime() - now;
  return left > 0 ? `${label} due in ${spanText(left)}` : `${label} breached ${spanText(left)} ago`;
}

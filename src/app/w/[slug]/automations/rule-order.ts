interface Orderable {
  id: string;
  event: string;
}

/**
 * The workspace's rules (in run order) after moving `activeId` to where `overId` is. Rules of the
 * two events share one priority sequence, so only the moved rule's event is permuted, in the slots
 * its rules already hold; the reorder call then sends every id. Null when nothing would move.
 */
export function moveRule<R extends Orderable>(rules: readonly R[], activeId: string, overId: string): R[] | null {
  const active = rules.find((rule) => rule.id === activeId);
  if (!active || activeId === overId) return null;
  const group = rules.filter((rule) => rule.event === active.event);
  const from = group.indexOf(active);
  const to = group.findIndex((rule) => rule.id === overId);
  if (to < 0) return null;
  const moved = [...group];
  moved.splice(to, 0, ...moved.splice(from, 1));
  let next = 0;
  return rules.map((rule) => (rule.event === active.event ? moved[next++]! : rule));
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * Names in the order people expect (case-insensitive, "Tier 2" before "Tier 10"). Sorted here, not
 * in SQL, because PGlite's C collation and a PostgreSQL server's locale order them differently.
 */
export const byName = (a: { name: string }, b: { name: string }): number => collator.compare(a.name, b.name);

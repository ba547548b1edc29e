const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Row ids are UUIDs. Anything else cannot name a row, and PostgreSQL would reject it inside a
 * query, so services answer 404 for it before asking the database.
 */
export const isUuid = (value: string): boolean => UUID.test(value);

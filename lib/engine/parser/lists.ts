// The lists of the syntax tree (statements, pipeline elements, arguments...). A parse keeps every
// list it builds, so each should hold no more memory than its items: an array grown by push()
// keeps room for 16 more (a one-statement block took 184 bytes instead of 56), and a 5,000-line
// script has 25,000 lists, most with one item. So a list starts as EMPTY, its first item makes an
// array of exactly one, and one that grew past one is copied to its size when complete. The
// runtime never changes a list of the tree: the empty list is one shared frozen array.
// Imports nothing.

/** The list with nothing in it, shared by every node that has none. */
export const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/** `list` (EMPTY or made by append) with `item` added at the end. */
export function append<T>(list: T[], item: T): T[] {
  if (list === EMPTY) return [item];
  list.push(item);
  return list;
}

/** A list made by append, complete: exactly its size. */
export function fitted<T>(list: T[]): T[] {
  return list.length > 1 ? list.slice() : list;
}

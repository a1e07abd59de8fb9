// The lists of the syntax tree (statements, pipeline elements, arguments...). A parse keeps every
// list it builds, so each should hold no more memory than its items: an array grown by push()
// keeps room for 16 more (a one-statement block took 184 bytes instead of 56), and a 5,000-line
// script has 25,000 lists, most with one item. The runtime never changes a list of the tree: the
// empty list is one shared frozen array. Imports nothing.

/** The list with nothing in it, shared by every node that has none. */
export const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/** `list` (built by push) as an array exactly its size. */
export function fitted<T>(list: T[]): T[] {
  const n = list.length;
  return n === 0 ? EMPTY : n === 1 ? [list[0]] : list.slice();
}

/**
 * Sorting strings in UTF-16 code unit order: Java's `String.compareTo`, and `Array#sort`'s
 * default order for strings.
 *
 * @module
 */

/**
 * Sorts `items` in place in UTF-16 code unit order and returns it. The lists sorted on the hot
 * paths (a record's keys, a parameter's names and values) are short and often in order already:
 * an insertion sort with `<` costs one pass then, and allocates nothing, where `Array#sort`
 * allocates a work area on every call, even for one element.
 */
export function sortStrings(items: string[]): string[] {
  const n = items.length;
  if (n > 32) return items.sort();
  for (let i = 1; i < n; i++) {
    const item = items[i]!;
    let j = i - 1;
    if (items[j]! <= item) continue;
    while (j >= 0 && items[j]! > item) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/**
 * Builds objects from untrusted keys the way `JSON.parse` does: every key an own, enumerable,
 * writable property, `__proto__` included, and nothing ever reaching `Object.prototype`.
 *
 * @module
 */

/** Sets `target[key]` as an own property, also when `key` is `__proto__`. */
export function setOwn<T>(target: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

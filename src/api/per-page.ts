/**
 * One instance per key for the whole page: every element given the same api-url shares its
 * client and its session, whichever element asked first.
 */
export function perPage<T>(create: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = create(key);
      made.set(key, value);
    }
    return value;
  };
}

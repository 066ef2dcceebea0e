/**
 * How a key is compared with apiVersion and kind when looking for a misspelling: case, "-" and
 * "_" aside. Its own module, so that the parser (and its worker) can ask without the models.
 */
export const looseName = (key: string): string => key.toLowerCase().replace(/[-_]/g, "");

const TYPE_META = new Set(["apiversion", "kind"]);

/** Whether a key is apiVersion or kind under any such spelling. */
export const isTypeMetaKey = (key: string): boolean => TYPE_META.has(looseName(key));

/** Whether a map writes an apiVersion or a kind under any such spelling. */
export function writesTypeMeta(value: object): boolean {
  return Object.keys(value).some(isTypeMetaKey);
}

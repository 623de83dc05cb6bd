/** Pretty JSON for the details panel; big integers (kept exact by adapters) print as digits. */
export function toJsonText(value: unknown): string {
  try {
    return (
      JSON.stringify(
        value,
        (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item),
        2,
      ) ?? 'null'
    );
  } catch {
    return String(value);
  }
}

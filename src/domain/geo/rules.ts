/** PC4: the four digits of a Dutch postcode; the first is never 0. */
const pc4Pattern = /^([1-9][0-9]{3})(?:[A-Z]{2})?$/;

/**
 * The PC4 of a postcode or PC4 ("3011 AB", "3011ab", "3011"), or null when it is not one.
 * Spaces are ignored; letters after the digits must be two, as in a full postcode.
 */
export function toPc4(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = pc4Pattern.exec(value.replace(/\s+/g, '').toUpperCase());
  return match ? match[1]! : null;
}

/**
 * A box around the European Netherlands (Cadzand to Bad Nieuweschans, Vaals to Rottumerplaat), with a
 * small margin; coordinates outside it cannot be a Dutch PC4 centre.
 */
export const netherlandsBounds = { minLatitude: 50.7, maxLatitude: 53.6, minLongitude: 3.3, maxLongitude: 7.3 } as const;

export function isInNetherlands(latitude: number, longitude: number): boolean {
  const b = netherlandsBounds;
  return latitude >= b.minLatitude && latitude <= b.maxLatitude && longitude >= b.minLongitude && longitude <= b.maxLongitude;
}

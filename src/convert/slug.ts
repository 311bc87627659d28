/** Longest slug {@link slugify} makes, in characters. */
export const maxSlugLength = 80

/**
 * A file-name slug from a title: ASCII lowercase letters and digits joined
 * by single hyphens. Accents are dropped ("Soins après" → `soins-apres`),
 * other characters separate words; at most {@link maxSlugLength}
 * characters, cut at a hyphen.
 *
 * @param title Title or file name.
 * @returns The slug; `''` when nothing usable is left.
 * @example
 * slugify('Microneedling Aftercare: What to Avoid (2024)') // 'microneedling-aftercare-what-to-avoid-2024'
 */
export function slugify(title: string): string {
  const ascii = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  const slug = ascii.split(/[^a-z0-9]+/).filter(Boolean).join('-')
  if (slug.length <= maxSlugLength) return slug
  const cut = slug.slice(0, maxSlugLength + 1)
  const hyphen = cut.lastIndexOf('-')
  return hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, maxSlugLength)
}

/**
 * A slug no existing source uses: `base`, else `base-2`, `base-3`, …
 *
 * @param base Slug wanted.
 * @param taken Slugs already used (source ids).
 * @returns The first free slug.
 * @example
 * uniqueSlug('aftercare', new Set(['aftercare', 'aftercare-2'])) // 'aftercare-3'
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}

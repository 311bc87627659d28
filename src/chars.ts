/**
 * Character tests on UTF-16 code units, for the scanners that walk text one
 * code unit at a time instead of testing one-character strings with regular
 * expressions.
 */

/**
 * Whether a code unit is whitespace as `\s` and `String#trim` read it.
 *
 * @param code A UTF-16 code unit (`charCodeAt`).
 * @returns `true` for spaces, tabs, line breaks, no-break and other Unicode spaces, and the BOM.
 * @example
 * isSpace(' '.charCodeAt(0)) // true
 */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 160) return false
  return (
    code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

/**
 * Whether a code unit is an ASCII letter (`a`–`z`, `A`–`Z`): the fast path
 * of the scanners' letter tests, before a Unicode class for the rest.
 *
 * @param code A UTF-16 code unit.
 * @returns `true` for ASCII letters only.
 */
export function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

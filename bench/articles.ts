/**
 * The bench's seeded article generator, shared by `extract.ts` (speed of
 * extraction) and `scale.ts` (corpora of thousands of sources): headings,
 * timeline lists, Q&A, quoted experts and explanatory prose, about 2.5
 * claims per kilobyte.
 */

/** Mulberry32: a small seeded generator, so every run benchmarks the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const procedures = ['microneedling', 'a tattoo', 'botox', 'a chemical peel', 'laser resurfacing', 'a piercing', 'lip filler', 'dermaplaning']
export const activities = ['exercise', 'the gym', 'swimming', 'saunas and steam rooms', 'hot yoga', 'makeup', 'retinol', 'alcohol', 'smoking', 'direct sunlight', 'intense workouts', 'hot tubs', 'facial massage', 'exfoliating scrubs']
export const durations = ['24 hours', '48 hours', '72 hours', 'a week', 'two weeks', '24–48 hours', '48 to 72 hours', 'a day or two', 'a few days', 'three days', 'the first week', 'at least 24 hours', '90 minutes', 'ten days', 'a fortnight']
export const fillers = [
  'The treatment works by creating controlled micro-injuries that prompt the body to produce new collagen and elastin.',
  'Many people notice that their skin looks brighter and feels smoother once the initial redness has settled down.',
  'Your practitioner will usually clean the area, apply a numbing cream and wait for it to take effect before starting.',
  'It is normal to feel a little tightness, similar to a mild sunburn, and some people see pinpoint bleeding during the session.',
  'Choosing an experienced, qualified practitioner matters more than any single product you buy afterwards.',
  'A good aftercare routine is simple: a gentle cleanser, a plain moisturiser and patience while the skin repairs itself.',
  'Everyone heals at a slightly different pace, depending on skin type, the depth of the treatment and general health.',
  'Ask your clinic which products they recommend, and bring a list of everything you currently use to the consultation.',
  'Your skin is more sensitive than usual while the tiny channels close, so treat it gently.',
  'Redness usually fades within two or three days, and mild flaking is normal.',
  'Most clinics recommend a course of three to six sessions spaced four weeks apart.',
  'Results build over the following months as new collagen forms under the surface.',
  'Drink plenty of water and keep your pillowcase clean to help the healing along.',
  'If you notice swelling that gets worse rather than better, call the clinic.',
  'The appointment itself usually takes about 30 minutes, including numbing.'
]

/** One element of a list, drawn with `rnd`. */
function pick<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(rnd() * list.length)]!
}

/**
 * One article of a few kilobytes, in one of several styles (about 18 claims).
 *
 * @param rnd The seeded generator.
 * @param n The article's number (in its title).
 * @returns Markdown with front matter.
 */
export function article(rnd: () => number, n: number): string {
  const procedure = pick(rnd, procedures)
  const lines: string[] = ['---', `title: Aftercare after ${procedure} (${n})`, 'kind: clinic page', '---', '', `# What to avoid after ${procedure}`, '']
  const sections = 4 + Math.floor(rnd() * 5)
  for (let s = 0; s < sections; s++) {
    const style = Math.floor(rnd() * 4)
    if (style === 0) {
      lines.push(`## The first ${pick(rnd, ['24 hours', 'week', '48 hours', 'few days'])}`, '')
      for (let i = 0; i < 4; i++) lines.push(`- Avoid ${pick(rnd, activities)} and keep the area clean.`)
      lines.push('')
    } else if (style === 1) {
      lines.push(`**Q:** When can I go back to ${pick(rnd, activities)}?`, '')
      lines.push(`**A:** Wait ${pick(rnd, durations)} after ${procedure}. ${pick(rnd, fillers)}`, '')
    } else if (style === 2) {
      lines.push(`“Skip ${pick(rnd, activities)} for ${pick(rnd, durations)},” says Dr Ana Ruiz. “After that you can return to ${pick(rnd, activities)} as usual.”`, '')
    } else {
      lines.push(`${pick(rnd, fillers)} You should not do ${pick(rnd, activities)} for ${pick(rnd, durations)}, but gentle walks are fine the next day. ${pick(rnd, fillers)}`, '')
    }
    // Real articles explain more than they instruct: two or three paragraphs of prose per section.
    const paragraphs = 2 + Math.floor(rnd() * 2)
    for (let p = 0; p < paragraphs; p++) lines.push([0, 1, 2, 3].map(() => pick(rnd, fillers)).join(' '), '')
  }
  return lines.join('\n')
}


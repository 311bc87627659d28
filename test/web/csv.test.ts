import { describe, expect, test } from 'vitest'
import { claimsCsv, csvColumns, csvField } from '../../web/csv.ts'
import { pageModel } from '../../web/model.ts'
import { consensusOf, fixtureData } from './helpers.ts'

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') record.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++
    else field += c
  }
  return records
}

describe('csvField', () => {
  test('csvField(\'avoid "hot" yoga, saunas\') doubles quotes and quotes the field', () => {
    expect(csvField('avoid "hot" yoga, saunas')).toBe('"avoid ""hot"" yoga, saunas"')
  })
  test("csvField('line\\nbreak') quotes a newline", () => {
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
  })
  test('csvField(null) and csvField(72)', () => {
    expect(csvField(null)).toBe('')
    expect(csvField(72)).toBe('72')
    expect(csvField('plain')).toBe('plain')
  })
})

describe('claimsCsv', () => {
  test('claimsCsv(rows, index) starts with a BOM, has a header and one CRLF line per claim (rejected too) that reads back exactly', async () => {
    const data = await fixtureData()
    const model = pageModel(data, consensusOf(data))
    const text = claimsCsv(model.rows, model.index)
    expect(text.startsWith('\uFEFFsource,source_title,')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    const records = parseCsv(text.slice(1))
    expect(records[0]).toEqual([...csvColumns])
    expect(records).toHaveLength(1 + 17)
    for (const record of records) expect(record).toHaveLength(csvColumns.length)
    const col = (name: (typeof csvColumns)[number]) => csvColumns.indexOf(name)
    const hostile = records.find((r) => r[col('claim_id')] === 'hostile-sun')!
    expect(hostile[col('quote')]).toBe('Avoid the sun <img src=x onerror="window.__pwned=1"> for 2 weeks.')
    expect(hostile[col('source_title')]).toBe('Tips <script>window.__pwned=1</script> & more')
    const open = records.find((r) => r[col('claim_id')] === 'derm-pool')!
    expect([open[col('wait_min_hours')], open[col('wait_max_hours')]]).toEqual(['72', ''])
    const corrected = records.find((r) => r[col('claim_id')] === 'quick-makeup')!
    expect([corrected[col('wait_min_hours')], corrected[col('review_status')], corrected[col('values_from')]]).toEqual(['24', 'corrected', 'editor'])
    expect(corrected[col('extracted')]).toBe('makeup, allowed 12 h')
    const rejected = records.find((r) => r[col('claim_id')] === 'quick-wash')!
    expect([rejected[col('review_status')], rejected[col('counted')]]).toEqual(['rejected', 'no'])
    const confirmed = records.find((r) => r[col('claim_id')] === 'clinic-exercise')!
    expect(confirmed[col('reviewer')]).toBe('Mia')
    expect(records.find((r) => r[col('claim_id')] === 'quick-exercise')![col('outlier_reason')]).not.toBe('')
    const sweat = records.find((r) => r[col('claim_id')] === 'derm-sweat')!
    expect(sweat[col('conflicts')]).toMatch(/^derm-blog allows sweat(ing)? right away \(“/)
    expect(sweat[col('conflicts')]).not.toMatch(/clinic-exercise/)
  })
})

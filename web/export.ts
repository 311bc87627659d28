/**
 * Exports: the chart as a standalone SVG file or a PNG (drawn on a canvas
 * from the SVG), ready to publish — at a web width, with a title, a
 * one-line description, the sources and the date — and any text as a
 * download.
 */
import { createSvg, render } from './render.ts'
import { layout, type LayoutOptions, type PublishInfo } from './spec.ts'
import type { RowView } from './model.ts'

/** Width of an exported chart, in CSS pixels (a PNG has twice as many). */
export const exportWidth = 1200

/**
 * Draw rows as a publishable chart, off the page.
 *
 * @param doc Document to draw in.
 * @param rows Rows to show (all, or one topic's).
 * @param publish Title, description, sources and date.
 * @param options Expanded rows, as on the page (default: none).
 * @returns The `<svg>` (not attached), {@link exportWidth} wide.
 * @example
 * svgDocument(publishChart(document, rows, {title, description, sources, date: '2025-01-31'}))
 */
export function publishChart(doc: Document, rows: RowView[], publish: PublishInfo, options: Omit<LayoutOptions, 'publish' | 'stickyAxis'> = {}): SVGSVGElement {
  const svg = createSvg(doc)
  render(svg, layout(rows, exportWidth, { ...options, publish }))
  return svg
}

/**
 * The chart as a standalone SVG document.
 *
 * The rendered SVG carries its styling as attributes, so the file looks like
 * the page without its CSS. Focus rings are dropped.
 *
 * @param svg The chart's `<svg>`.
 * @returns SVG text with an XML declaration.
 * @example
 * svgDocument(document.querySelector('#chart')!).startsWith('<?xml') // true
 */
export function svgDocument(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.querySelectorAll('.focus-ring').forEach((node) => node.remove())
  copy.querySelectorAll('[tabindex]').forEach((node) => node.removeAttribute('tabindex'))
  copy.querySelectorAll('.selected').forEach((node) => node.classList.remove('selected'))
  copy.querySelectorAll('.links > *, .buttons').forEach((node) => node.remove())
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  const text = new XMLSerializer().serializeToString(copy)
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`
}

/**
 * Draw SVG text on a canvas and encode it as PNG.
 *
 * @param svgText A standalone SVG document with `width` and `height`.
 * @param width Width in CSS pixels.
 * @param height Height in CSS pixels.
 * @param scale Device pixels per CSS pixel (default: 2, sharp on high-density screens).
 * @returns The PNG.
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.width = width
    image.height = height
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'))
      image.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('this browser has no 2D canvas')
    context.scale(scale, scale)
    context.drawImage(image, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png')
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * Offer a file for download.
 *
 * @param name File name.
 * @param content File content (text or a blob).
 * @param type MIME type for text content (default: `text/plain;charset=utf-8`).
 */
export function download(name: string, content: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

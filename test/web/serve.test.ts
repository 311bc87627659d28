import { request } from 'node:http'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { serveSite, type RunningSite } from '../../src/site/serve.ts'

let base: string
let site: RunningSite

/** Send a request with the path exactly as given (fetch would normalise `..`). */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string; headers: Record<string, unknown> }> {
  const url = new URL(site.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'claimrange-serve-'))
  const dir = join(base, 'site')
  await mkdir(join(dir, 'assets'), { recursive: true })
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>')
  await writeFile(join(dir, 'data.js'), 'window.x = 1;\n')
  await writeFile(join(dir, 'assets', 'style.css'), 'body{}')
  await writeFile(join(base, 'secret.txt'), 'secret')
  await symlink(join(base, 'secret.txt'), join(dir, 'link.txt'))
  site = await serveSite({
    dir,
    routes: [
      (req, res, url) => {
        if (url.pathname !== '/api/ping') return false
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ method: req.method }))
        return true
      }
    ]
  })
})

afterAll(async () => {
  await site?.close()
  await rm(base, { recursive: true, force: true })
})

describe('serveSite', () => {
  test('serveSite({dir}) listens on 127.0.0.1 and serves index.html at /', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const res = await get('/')
    expect([res.status, res.type, res.body]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>t</title>'])
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/)
  })

  test('content types follow the extension', async () => {
    expect((await get('/data.js')).type).toBe('text/javascript; charset=utf-8')
    expect((await get('/assets/style.css')).type).toBe('text/css; charset=utf-8')
  })

  test('paths that leave the folder are 404, encoded or through a symlink', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt', '/%00', '/%E0%A4%A']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('secret')
    }
  })

  test('missing files are 404, other methods 405, HEAD has no body', async () => {
    expect((await get('/nope.js')).status).toBe(404)
    expect((await get('/index.html', 'POST')).status).toBe(405)
    const head = await get('/index.html', 'HEAD')
    expect([head.status, head.body]).toEqual([200, ''])
  })

  test('extra routes run before the files', async () => {
    const res = await get('/api/ping', 'POST')
    expect([res.status, JSON.parse(res.body)]).toEqual([200, { method: 'POST' }])
  })

  test('serveSite refuses a host that is not loopback', async () => {
    await expect(serveSite({ dir: base, host: '0.0.0.0' })).rejects.toThrow(/loopback/)
  })
})

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolledBack } from '@svm/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_JSON, testApp } from '../../testing/app.ts';

const INDEX = '<!doctype html><title>app shell</title>';
let dist = '';

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'svm-web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'main-AbC123.js'), 'console.log("app")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const request = (path: string) => rolledBack(async (tx) => (await testApp(tx, { webDist: dist })).app.request(path));

describe('serving the built web app', () => {
  it('serves a hashed asset with a long immutable cache', async () => {
    const res = await request('/assets/main-AbC123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log("app")');
  });

  it('serves index.html at / and revalidates it', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  it.each(['/wall', '/township/12', '/township/12/hazards'])(
    'falls back to index.html for the client route %s',
    async (path) => {
      const res = await request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    },
  );

  it.each(['/assets/missing.js', '/assets/chunk', '/missing.css', '/wall/logo.png'])(
    'answers the missing file %s with 404, not index.html',
    async (path) => {
      const res = await request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('app shell');
    },
  );

  it('keeps unknown /api paths as 404 problems', async () => {
    const res = await request('/api/wall');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
  });

  it('refuses paths that climb out of the folder', async () => {
    const res = await request('/..%2f..%2fetc%2fpasswd');
    expect(res.status).toBe(404);
  });
});

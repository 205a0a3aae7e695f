import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api.ts';
import { ApiProblem } from './problem.ts';

function answer(body: string, init: ResponseInit) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, init));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('asks for streets with the bbox as minLon,minLat,maxLon,maxLat and passes the abort signal on', async () => {
    const fetchMock = answer('{"type":"FeatureCollection","features":[]}', {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    const controller = new AbortController();
    const body = await api.streets([121.02, 30.02, 121.06, 30.06], controller.signal);
    expect(body).toEqual({ type: 'FeatureCollection', features: [] });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/context/streets?bbox=121.02%2C30.02%2C121.06%2C30.06');
    expect(init?.signal).toBe(controller.signal);
  });

  it('throws the server problem as a typed ApiProblem', async () => {
    const problem = {
      type: 'urn:svm:problem:invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: 'bbox: minLon must be less than maxLon',
      errors: [{ in: 'query', path: 'bbox', message: 'minLon must be less than maxLon' }],
    };
    answer(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } });
    const error = await api.streets([2, 0, 1, 1]).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 400, title: 'Invalid request', detail: problem.detail, problem });
  });

  it('turns an error without problem details into an ApiProblem with the status', async () => {
    answer('<html>Bad Gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'content-type': 'text/html' },
    });
    const error = await api.townships().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 502, title: 'Bad Gateway' });
  });

  it('reports a server that cannot be reached as a network problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    const error = await api.health().catch((err: unknown) => err);
    expect(error).toMatchObject({ name: 'ApiProblem', status: 0, title: 'Network error' });
  });
});

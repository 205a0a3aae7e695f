// Reads a V8 heap snapshot (the JSON Chrome's HeapProfiler.takeHeapSnapshot streams) into flat
// arrays, and answers what a leak hunt asks of it: objects by constructor, which objects are new
// since an earlier snapshot (V8 keeps an object's id across snapshots), and a retaining path from
// the GC root (each step to the retainer closest to the root, weak edges skipped).
import type { CDPSession } from 'playwright-core';

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface Heap {
  count: number;
  type: (i: number) => string;
  name: (i: number) => string;
  id: (i: number) => number;
  selfSize: (i: number) => number;
  /** a short grouping key: the constructor for objects, "(string)" for strings, type:name otherwise */
  key: (i: number) => string;
  indexOfId: Map<number, number>;
  pathTo: (i: number, depth?: number) => string;
}

/** Forces a GC (twice: finalisers free more) and takes a snapshot through the page's CDP session. */
export async function takeSnapshot(cdp: CDPSession): Promise<Heap> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return parseSnapshot(JSON.parse(chunks.join('')) as RawSnapshot);
}

export function parseSnapshot(raw: RawSnapshot): Heap {
  const { meta } = raw.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [nType, nName, nId, nSize, nEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) =>
    meta.node_fields.indexOf(f),
  ) as [number, number, number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = raw;
  const count = nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * nf + nEdges]! * ef;
    firstEdge[i + 1] = e;
  }
  const type = (i: number) => nodeTypes[nodes[i * nf + nType]!]!;
  const name = (i: number) => strings[nodes[i * nf + nName]!]!;
  const id = (i: number) => nodes[i * nf + nId]!;
  const selfSize = (i: number) => nodes[i * nf + nSize]!;
  const key = (i: number) => {
    const t = type(i);
    if (t === 'object' || t === 'native') return name(i).slice(0, 60);
    if (t === 'string' || t === 'concatenated string' || t === 'sliced string') return '(string)';
    return `(${t}) ${name(i).slice(0, 50)}`;
  };
  const indexOfId = new Map<number, number>();
  for (let i = 0; i < count; i++) indexOfId.set(id(i), i);

  // distances from the root over strong edges, and each node's retainers
  const weak = edgeTypes.indexOf('weak');
  const retainerCount = new Uint32Array(count + 1);
  for (let e = 0; e < edges.length; e += ef) if (edges[e + eType] !== weak) retainerCount[edges[e + eTo]! / nf]!++;
  const firstRetainer = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstRetainer[i + 1] = firstRetainer[i]! + retainerCount[i]!;
  const retainers = new Uint32Array(firstRetainer[count]!);
  const retainerEdge = new Uint32Array(firstRetainer[count]!);
  const filled = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += ef) {
      if (edges[e + eType] === weak) continue;
      const to = edges[e + eTo]! / nf;
      const at = firstRetainer[to]! + filled[to]!++;
      retainers[at] = i;
      retainerEdge[at] = e;
    }
  }
  const distance = new Int32Array(count).fill(-1);
  const queue = new Uint32Array(count);
  let head = 0;
  let tail = 0;
  distance[0] = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const i = queue[head++]!;
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += ef) {
      if (edges[e + eType] === weak) continue;
      const to = edges[e + eTo]! / nf;
      if (distance[to] === -1) {
        distance[to] = distance[i]! + 1;
        queue[tail++] = to;
      }
    }
  }
  const edgeName = (e: number) => {
    const t = edgeTypes[edges[e + eType]!];
    const n = edges[e + eName]!;
    return t === 'element' || t === 'hidden' ? `[${n}]` : strings[n]!;
  };
  const pathTo = (i: number, depth = 14) => {
    const steps: string[] = [`${key(i)}@${id(i)}`];
    let at = i;
    for (let d = 0; d < depth && at !== 0; d++) {
      let best = -1;
      let bestEdge = 0;
      for (let r = firstRetainer[at]!; r < firstRetainer[at + 1]!; r++) {
        const from = retainers[r]!;
        if (distance[from]! >= 0 && (best === -1 || distance[from]! < distance[best]!)) {
          best = from;
          bestEdge = retainerEdge[r]!;
        }
      }
      if (best === -1) break;
      steps.push(`${key(best)} .${edgeName(bestEdge)}`);
      at = best;
    }
    return steps.join('\n      <- ');
  };
  return { count, type, name, id, selfSize, key, indexOfId, pathTo };
}

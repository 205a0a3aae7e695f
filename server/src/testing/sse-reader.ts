// Test helper: reads Server-Sent Events frames off a streaming Response, one at a time, with a timeout.
export interface SseFrame {
  event: string;
  id: string | null;
  data: string;
  retry: number | null;
}

export function sseReader(res: Response) {
  if (!res.body) throw new Error('the response has no body to stream');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  // a read outlives a timeout: the next call awaits the same read, so no chunk is lost
  let reading: ReturnType<typeof reader.read> | null = null;

  const parse = (block: string): SseFrame => {
    const frame: SseFrame = { event: 'message', id: null, data: '', retry: null };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') frame.event = value;
      else if (field === 'id') frame.id = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry') frame.retry = Number(value);
    }
    frame.data = data.join('\n');
    return frame;
  };

  /** The next frame (skipping heartbeats unless asked), or an error after `timeoutMs`. */
  async function next(timeoutMs = 5_000, skip: readonly string[] = ['heartbeat']): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!skip.includes(frame.event)) return frame;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no SSE frame within ${timeoutMs} ms (buffered: ${JSON.stringify(buffer)})`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)));
      reading ??= reader.read();
      const chunk = await Promise.race([reading, timeout]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      reading = null;
      if (chunk.done) throw new Error('the stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }

  return { next, close: () => reader.cancel() };
}

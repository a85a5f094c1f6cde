/**
 * Splits a stream of text chunks (as a file or a network body arrives) into lines, without
 * their `\n` or `\r\n`. The last line is yielded even without a trailing newline. Time is
 * linear however long a line is: the pieces of a line that spans chunks are joined once.
 *
 * @example
 * for await (const line of splitLines(chunksOf(file))) console.log(line);
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending: string[] = [];
  const cut = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  for await (const chunk of chunks) {
    let nl = chunk.indexOf('\n');
    if (nl === -1) {
      pending.push(chunk);
      continue;
    }
    const head = chunk.slice(0, nl);
    if (pending.length) pending.push(head);
    yield cut(pending.length ? pending.join('') : head);
    pending = [];
    let start = nl + 1;
    nl = chunk.indexOf('\n', start);
    while (nl !== -1) {
      yield cut(chunk.slice(start, nl));
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
  const rest = pending.join('');
  if (rest !== '') yield cut(rest);
}

/**
 * The text chunks of a Blob (a dropped or opened File), decoded as UTF-8 while it is read.
 * `onRead` is told how many bytes were read so far (for a progress bar).
 *
 * @example
 * splitLines(chunksOf(input.files[0]))
 */
export async function* chunksOf(
  blob: Blob,
  { onRead }: { onRead?: (bytes: number) => void } = {},
): AsyncGenerator<string> {
  const bytes = blob.stream().getReader();
  const decoder = new TextDecoder();
  let read = 0;
  try {
    while (true) {
      const { done, value } = await bytes.read();
      if (done) break;
      read += value.byteLength;
      onRead?.(read);
      const text = decoder.decode(value, { stream: true });
      if (text) yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } finally {
    bytes.releaseLock();
  }
}

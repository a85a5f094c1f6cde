/**
 * Splits a stream of text chunks (as a file or a network body arrives) into lines, without
 * their `\n` or `\r\n`. The last line is yielded even without a trailing newline.
 *
 * @example
 * for await (const line of splitLines(chunksOf(file))) console.log(line);
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    let i = rest.indexOf('\n');
    while (i !== -1) {
      yield rest.slice(0, i).replace(/\r$/, '');
      rest = rest.slice(i + 1);
      i = rest.indexOf('\n');
    }
  }
  if (rest !== '') yield rest.replace(/\r$/, '');
}

/**
 * The text chunks of a Blob (a dropped or opened File), decoded as UTF-8 while it is read.
 *
 * @example
 * splitLines(chunksOf(input.files[0]))
 */
export async function* chunksOf(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

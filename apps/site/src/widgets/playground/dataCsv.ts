import type { InlineData } from '@decaylab/core';

/**
 * Inline data as CSV text (a header `x1,…,xd,y`, then the training rows and the validation
 * rows): what the CSV box shows for a spec with inline data (from a shared URL or pasted JSON).
 *
 * @example
 * dataCsv({ train: { x: [[1], [2]], y: [3, 4] } }) // 'x1,y\n1,3\n2,4'
 */
export function dataCsv(data: InlineData): string {
  const width = data.train.x[0]?.length ?? 1;
  const header = [...Array.from({ length: width }, (_, i) => `x${i + 1}`), 'y'].join(',');
  const rows = [data.train, ...(data.val ? [data.val] : [])].flatMap((set) =>
    set.x.map((row, i) => [...row, set.y[i]].join(',')),
  );
  return [header, ...rows].join('\n');
}

import { DENSE_WASM_BASE64 } from './denseWasmBytes.js';

interface DenseExports {
  readonly memory: WebAssembly.Memory;
  forward(w: number, b: number, x: number, n: number, fin: number, fout: number, z: number): void;
  backward(
    x: number,
    dz: number,
    n: number,
    fin: number,
    fout: number,
    g: number,
    gb: number,
  ): void;
  inputGrad(w: number, dz: number, n: number, fin: number, fout: number, dIn: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernels, once; null where WebAssembly or its SIMD is unavailable. */
function denseModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (typeof WebAssembly === 'object' && typeof atob === 'function') {
      const bin = atob(DENSE_WASM_BASE64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Fewer multiply-adds than this per layer pass run faster in the JS kernels (no copies, no call). */
export const WASM_MIN_WORK = 4096;

/**
 * One instance of the WebAssembly SIMD dense kernels (`dense.wat`) with its own memory and a
 * bump allocator over it: arrays live at byte offsets that stay valid when the memory grows.
 * `wasmDense()` gives null where WebAssembly SIMD is unavailable (older browsers), and the nets
 * then use the JS kernels of dense.ts. Internal.
 */
export class WasmDense {
  private readonly k: DenseExports;
  private top = 16;
  private heap: Float64Array;

  constructor(module: WebAssembly.Module) {
    this.k = new WebAssembly.Instance(module, {}).exports as unknown as DenseExports;
    this.heap = new Float64Array(this.k.memory.buffer);
  }

  /** Room for `count` f64 values; returns its byte offset. */
  alloc(count: number): number {
    const ptr = this.top;
    this.top += Math.ceil(count / 2) * 16;
    const need = this.top - this.k.memory.buffer.byteLength;
    if (need > 0) {
      this.k.memory.grow(Math.ceil(need / 65536));
      this.heap = new Float64Array(this.k.memory.buffer);
    }
    return ptr;
  }

  /** All of the memory as f64 values (index = byte offset / 8); renewed when the memory grows. */
  get f64(): Float64Array {
    return this.heap;
  }

  /** Copies `len` values of `src` (from `from`) to byte offset `ptr`. */
  put(ptr: number, src: Float64Array, from: number, len: number): void {
    this.heap.set(len === src.length && from === 0 ? src : src.subarray(from, from + len), ptr / 8);
  }

  /** Copies `len` values at byte offset `ptr` into `dst` (from `at`). */
  get(ptr: number, dst: Float64Array, at: number, len: number): void {
    dst.set(this.heap.subarray(ptr / 8, ptr / 8 + len), at);
  }

  /** z = x·Wᵀ + b (see dense.ts's denseForward); all byte offsets. */
  forward(w: number, b: number, x: number, n: number, fin: number, fout: number, z: number): void {
    this.k.forward(w, b, x, n, fin, fout, z);
  }

  /** g = dzᵀ·x and gb = Σ rows of dz, overwritten (see denseBackward). */
  backward(x: number, dz: number, n: number, fin: number, fout: number, g: number, gb: number) {
    this.k.backward(x, dz, n, fin, fout, g, gb);
  }

  /** dIn = dz·W (see denseInputGrad). */
  inputGrad(w: number, dz: number, n: number, fin: number, fout: number, dIn: number): void {
    this.k.inputGrad(w, dz, n, fin, fout, dIn);
  }
}

/** A fresh kernel instance, or null where WebAssembly SIMD is unavailable. */
export function wasmDense(): WasmDense | null {
  const m = denseModule();
  return m ? new WasmDense(m) : null;
}

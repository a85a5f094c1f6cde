/**
 * The kernels of a dense layer z = input·Wᵀ + b over row-major Float64Arrays, with W of shape
 * [fout × fin] at `theta[wo ..]` and b at `theta[bo ..]` (PyTorch's layout).
 *
 * Each is register-tiled: a block of rows (and of outputs) is computed at once with one
 * accumulator per output value, so the CPU has several independent chains of additions and
 * reads each operand once per block. Every value is still summed in the same order as the
 * plain triple loop (k, i or o ascending, starting from 0), so results are bit-identical to it.
 * Internal.
 */

/** z[i, o] = Σₖ input[i, k]·W[o, k] + b[o] for the n rows of `input`. */
export function denseForward(
  theta: Float64Array,
  wo: number,
  bo: number,
  input: Float64Array,
  n: number,
  fin: number,
  fout: number,
  z: Float64Array,
): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r0 = i * fin;
    const r1 = r0 + fin;
    const r2 = r1 + fin;
    const r3 = r2 + fin;
    const z0 = i * fout;
    const z1 = z0 + fout;
    const z2 = z1 + fout;
    const z3 = z2 + fout;
    let o = 0;
    for (; o + 4 <= fout; o += 4) {
      const a0 = wo + o * fin;
      const a1 = a0 + fin;
      const a2 = a1 + fin;
      const a3 = a2 + fin;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      let s23 = 0;
      let s30 = 0;
      let s31 = 0;
      let s32 = 0;
      let s33 = 0;
      for (let k = 0; k < fin; k++) {
        const w0 = theta[a0 + k] as number;
        const w1 = theta[a1 + k] as number;
        const w2 = theta[a2 + k] as number;
        const w3 = theta[a3 + k] as number;
        const x0 = input[r0 + k] as number;
        const x1 = input[r1 + k] as number;
        const x2 = input[r2 + k] as number;
        const x3 = input[r3 + k] as number;
        s00 += x0 * w0;
        s01 += x0 * w1;
        s02 += x0 * w2;
        s03 += x0 * w3;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s12 += x1 * w2;
        s13 += x1 * w3;
        s20 += x2 * w0;
        s21 += x2 * w1;
        s22 += x2 * w2;
        s23 += x2 * w3;
        s30 += x3 * w0;
        s31 += x3 * w1;
        s32 += x3 * w2;
        s33 += x3 * w3;
      }
      const b0 = theta[bo + o] as number;
      const b1 = theta[bo + o + 1] as number;
      const b2 = theta[bo + o + 2] as number;
      const b3 = theta[bo + o + 3] as number;
      z[z0 + o] = s00 + b0;
      z[z0 + o + 1] = s01 + b1;
      z[z0 + o + 2] = s02 + b2;
      z[z0 + o + 3] = s03 + b3;
      z[z1 + o] = s10 + b0;
      z[z1 + o + 1] = s11 + b1;
      z[z1 + o + 2] = s12 + b2;
      z[z1 + o + 3] = s13 + b3;
      z[z2 + o] = s20 + b0;
      z[z2 + o + 1] = s21 + b1;
      z[z2 + o + 2] = s22 + b2;
      z[z2 + o + 3] = s23 + b3;
      z[z3 + o] = s30 + b0;
      z[z3 + o + 1] = s31 + b1;
      z[z3 + o + 2] = s32 + b2;
      z[z3 + o + 3] = s33 + b3;
    }
    for (; o < fout; o++) {
      const a0 = wo + o * fin;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < fin; k++) {
        const w0 = theta[a0 + k] as number;
        s0 += (input[r0 + k] as number) * w0;
        s1 += (input[r1 + k] as number) * w0;
        s2 += (input[r2 + k] as number) * w0;
        s3 += (input[r3 + k] as number) * w0;
      }
      const b0 = theta[bo + o] as number;
      z[z0 + o] = s0 + b0;
      z[z1 + o] = s1 + b0;
      z[z2 + o] = s2 + b0;
      z[z3 + o] = s3 + b0;
    }
  }
  for (; i < n; i++) {
    const r = i * fin;
    for (let o = 0; o < fout; o++) {
      const a = wo + o * fin;
      let s = 0;
      for (let k = 0; k < fin; k++) s += (input[r + k] as number) * (theta[a + k] as number);
      z[i * fout + o] = s + (theta[bo + o] as number);
    }
  }
}

/**
 * The layer's parameter gradients from dz = ∂L/∂z: grad[W[o, k]] = Σᵢ dz[i, o]·input[i, k] and
 * grad[b[o]] = Σᵢ dz[i, o], overwriting what was there.
 */
export function denseBackward(
  input: Float64Array,
  dz: Float64Array,
  n: number,
  fin: number,
  fout: number,
  grad: Float64Array,
  wo: number,
  bo: number,
): void {
  grad.fill(0, wo, wo + fout * fin);
  for (let o = 0; o < fout; o++) {
    let gb = 0;
    for (let i = 0; i < n; i++) gb += dz[i * fout + o] as number;
    grad[bo + o] = gb;
  }
  let i = 0;
  if (fout === 1) {
    // One output (the linear model, an mlp's last layer): 8 rows per pass over the weights.
    for (; i + 8 <= n; i += 8) {
      const r0 = i * fin;
      const r1 = r0 + fin;
      const r2 = r1 + fin;
      const r3 = r2 + fin;
      const r4 = r3 + fin;
      const r5 = r4 + fin;
      const r6 = r5 + fin;
      const r7 = r6 + fin;
      const e0 = dz[i] as number;
      const e1 = dz[i + 1] as number;
      const e2 = dz[i + 2] as number;
      const e3 = dz[i + 3] as number;
      const e4 = dz[i + 4] as number;
      const e5 = dz[i + 5] as number;
      const e6 = dz[i + 6] as number;
      const e7 = dz[i + 7] as number;
      for (let k = 0; k < fin; k++) {
        grad[wo + k] =
          (grad[wo + k] as number) +
          e0 * (input[r0 + k] as number) +
          e1 * (input[r1 + k] as number) +
          e2 * (input[r2 + k] as number) +
          e3 * (input[r3 + k] as number) +
          e4 * (input[r4 + k] as number) +
          e5 * (input[r5 + k] as number) +
          e6 * (input[r6 + k] as number) +
          e7 * (input[r7 + k] as number);
      }
    }
  }
  for (; i + 4 <= n; i += 4) {
    const r0 = i * fin;
    const r1 = r0 + fin;
    const r2 = r1 + fin;
    const r3 = r2 + fin;
    const d0 = i * fout;
    const d1 = d0 + fout;
    const d2 = d1 + fout;
    const d3 = d2 + fout;
    let o = 0;
    for (; o + 4 <= fout; o += 4) {
      const a0 = wo + o * fin;
      const a1 = a0 + fin;
      const a2 = a1 + fin;
      const a3 = a2 + fin;
      const e00 = dz[d0 + o] as number;
      const e01 = dz[d0 + o + 1] as number;
      const e02 = dz[d0 + o + 2] as number;
      const e03 = dz[d0 + o + 3] as number;
      const e10 = dz[d1 + o] as number;
      const e11 = dz[d1 + o + 1] as number;
      const e12 = dz[d1 + o + 2] as number;
      const e13 = dz[d1 + o + 3] as number;
      const e20 = dz[d2 + o] as number;
      const e21 = dz[d2 + o + 1] as number;
      const e22 = dz[d2 + o + 2] as number;
      const e23 = dz[d2 + o + 3] as number;
      const e30 = dz[d3 + o] as number;
      const e31 = dz[d3 + o + 1] as number;
      const e32 = dz[d3 + o + 2] as number;
      const e33 = dz[d3 + o + 3] as number;
      for (let k = 0; k < fin; k++) {
        const x0 = input[r0 + k] as number;
        const x1 = input[r1 + k] as number;
        const x2 = input[r2 + k] as number;
        const x3 = input[r3 + k] as number;
        grad[a0 + k] = (grad[a0 + k] as number) + e00 * x0 + e10 * x1 + e20 * x2 + e30 * x3;
        grad[a1 + k] = (grad[a1 + k] as number) + e01 * x0 + e11 * x1 + e21 * x2 + e31 * x3;
        grad[a2 + k] = (grad[a2 + k] as number) + e02 * x0 + e12 * x1 + e22 * x2 + e32 * x3;
        grad[a3 + k] = (grad[a3 + k] as number) + e03 * x0 + e13 * x1 + e23 * x2 + e33 * x3;
      }
    }
    for (; o < fout; o++) {
      const a0 = wo + o * fin;
      const e0 = dz[d0 + o] as number;
      const e1 = dz[d1 + o] as number;
      const e2 = dz[d2 + o] as number;
      const e3 = dz[d3 + o] as number;
      for (let k = 0; k < fin; k++) {
        grad[a0 + k] =
          (grad[a0 + k] as number) +
          e0 * (input[r0 + k] as number) +
          e1 * (input[r1 + k] as number) +
          e2 * (input[r2 + k] as number) +
          e3 * (input[r3 + k] as number);
      }
    }
  }
  for (; i < n; i++) {
    const r = i * fin;
    for (let o = 0; o < fout; o++) {
      const a = wo + o * fin;
      const e = dz[i * fout + o] as number;
      for (let k = 0; k < fin; k++)
        grad[a + k] = (grad[a + k] as number) + e * (input[r + k] as number);
    }
  }
}

/** The gradient reaching the layer's input: dIn[i, k] = Σₒ dz[i, o]·W[o, k] (before any activation's derivative). */
export function denseInputGrad(
  theta: Float64Array,
  wo: number,
  dz: Float64Array,
  n: number,
  fin: number,
  fout: number,
  dIn: Float64Array,
): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const d0 = i * fout;
    const d1 = d0 + fout;
    const r0 = i * fin;
    const r1 = r0 + fin;
    let k = 0;
    for (; k + 4 <= fin; k += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let o = 0; o < fout; o++) {
        const a = wo + o * fin + k;
        const w0 = theta[a] as number;
        const w1 = theta[a + 1] as number;
        const w2 = theta[a + 2] as number;
        const w3 = theta[a + 3] as number;
        const e0 = dz[d0 + o] as number;
        const e1 = dz[d1 + o] as number;
        s00 += e0 * w0;
        s01 += e0 * w1;
        s02 += e0 * w2;
        s03 += e0 * w3;
        s10 += e1 * w0;
        s11 += e1 * w1;
        s12 += e1 * w2;
        s13 += e1 * w3;
      }
      dIn[r0 + k] = s00;
      dIn[r0 + k + 1] = s01;
      dIn[r0 + k + 2] = s02;
      dIn[r0 + k + 3] = s03;
      dIn[r1 + k] = s10;
      dIn[r1 + k + 1] = s11;
      dIn[r1 + k + 2] = s12;
      dIn[r1 + k + 3] = s13;
    }
    for (; k < fin; k++) {
      let s0 = 0;
      let s1 = 0;
      for (let o = 0; o < fout; o++) {
        const w = theta[wo + o * fin + k] as number;
        s0 += (dz[d0 + o] as number) * w;
        s1 += (dz[d1 + o] as number) * w;
      }
      dIn[r0 + k] = s0;
      dIn[r1 + k] = s1;
    }
  }
  for (; i < n; i++) {
    for (let k = 0; k < fin; k++) {
      let s = 0;
      for (let o = 0; o < fout; o++)
        s += (dz[i * fout + o] as number) * (theta[wo + o * fin + k] as number);
      dIn[i * fin + k] = s;
    }
  }
}

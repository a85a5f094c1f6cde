/** The plain triple loops of a dense layer: the reference the kernels are tested against. */
export const plain = {
  forward(
    theta: Float64Array,
    wo: number,
    bo: number,
    x: Float64Array,
    n: number,
    fin: number,
    fout: number,
  ) {
    const z = new Float64Array(n * fout);
    for (let i = 0; i < n; i++)
      for (let o = 0; o < fout; o++) {
        let s = 0;
        for (let k = 0; k < fin; k++)
          s += (x[i * fin + k] as number) * (theta[wo + o * fin + k] as number);
        z[i * fout + o] = s + (theta[bo + o] as number);
      }
    return z;
  },
  backward(
    x: Float64Array,
    dz: Float64Array,
    n: number,
    fin: number,
    fout: number,
    size: number,
    wo: number,
    bo: number,
  ) {
    const grad = new Float64Array(size);
    for (let o = 0; o < fout; o++) {
      let gb = 0;
      for (let i = 0; i < n; i++) {
        const d = dz[i * fout + o] as number;
        gb += d;
        for (let k = 0; k < fin; k++)
          grad[wo + o * fin + k] =
            (grad[wo + o * fin + k] as number) + d * (x[i * fin + k] as number);
      }
      grad[bo + o] = gb;
    }
    return grad;
  },
  inputGrad(
    theta: Float64Array,
    wo: number,
    dz: Float64Array,
    n: number,
    fin: number,
    fout: number,
  ) {
    const dIn = new Float64Array(n * fin);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < fin; k++) {
        let s = 0;
        for (let o = 0; o < fout; o++)
          s += (dz[i * fout + o] as number) * (theta[wo + o * fin + k] as number);
        dIn[i * fin + k] = s;
      }
    return dIn;
  },
};

/** Same values bit for bit (distinguishing -0 and 0, NaN equal to NaN). */
export const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

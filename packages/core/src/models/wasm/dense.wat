;; WebAssembly SIMD (f64x2) kernels of a dense layer z = x·Wᵀ + b, the source of denseWasmBytes.ts
;; (regenerate with `node scripts/gen-dense-wasm.mjs`, which needs wabt's wat2wasm).
;; Every pointer is a byte offset into the module's own exported memory; every array is a
;; row-major f64 array: x [n × fin], W [fout × fin], b [fout], z and dz [n × fout].
;; forward sums each dot product in two lanes (even and odd k) and adds them at the end, so its
;; results differ from the plain loop in the last bits; backward and inputGrad add the terms of
;; every value in the plain loop's order (rows, outputs ascending), so theirs are bit-identical.
(module
  (memory (export "memory") 1)

  ;; z[i, o] = Σₖ x[i, k]·W[o, k] + b[o]: one row at a time, 4 outputs per pass (4 f64x2
  ;; accumulators), then single outputs (2 accumulators, k by 4).
  (func (export "forward")
    (param $w i32) (param $b i32) (param $x i32) (param $n i32) (param $fin i32) (param $fout i32)
    (param $z i32)
    (local $i i32) (local $o i32) (local $k i32) (local $rowB i32) (local $pairB i32) (local $quadB i32)
    (local $xr i32) (local $w0 i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $zp i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $xv v128)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $xs f64)
    (local.set $rowB (i32.shl (local.get $fin) (i32.const 3)))
    (local.set $pairB (i32.shl (i32.and (local.get $fin) (i32.const -2)) (i32.const 3)))
    (local.set $quadB (i32.shl (i32.and (local.get $fin) (i32.const -4)) (i32.const 3)))
    (local.set $zp (local.get $z))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $xr (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowB))))
        (local.set $o (i32.const 0))
        ;; 4 outputs per pass
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $o) (i32.const 4)) (local.get $fout)))
            (local.set $w0 (i32.add (local.get $w) (i32.mul (local.get $o) (local.get $rowB))))
            (local.set $w1 (i32.add (local.get $w0) (local.get $rowB)))
            (local.set $w2 (i32.add (local.get $w1) (local.get $rowB)))
            (local.set $w3 (i32.add (local.get $w2) (local.get $rowB)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $a2 (v128.const f64x2 0 0))
            (local.set $a3 (v128.const f64x2 0 0))
            (local.set $k (i32.const 0))
            (block $kDone
              (loop $ks
                (br_if $kDone (i32.ge_u (local.get $k) (local.get $pairB)))
                (local.set $xv (v128.load (i32.add (local.get $xr) (local.get $k))))
                (local.set $a0 (f64x2.add (local.get $a0)
                  (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $w0) (local.get $k))))))
                (local.set $a1 (f64x2.add (local.get $a1)
                  (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $w1) (local.get $k))))))
                (local.set $a2 (f64x2.add (local.get $a2)
                  (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $w2) (local.get $k))))))
                (local.set $a3 (f64x2.add (local.get $a3)
                  (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $w3) (local.get $k))))))
                (local.set $k (i32.add (local.get $k) (i32.const 16)))
                (br $ks)))
            (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
            (local.set $s1 (f64.add (f64x2.extract_lane 0 (local.get $a1)) (f64x2.extract_lane 1 (local.get $a1))))
            (local.set $s2 (f64.add (f64x2.extract_lane 0 (local.get $a2)) (f64x2.extract_lane 1 (local.get $a2))))
            (local.set $s3 (f64.add (f64x2.extract_lane 0 (local.get $a3)) (f64x2.extract_lane 1 (local.get $a3))))
            (if (i32.lt_u (local.get $k) (local.get $rowB))
              (then
                (local.set $xs (f64.load (i32.add (local.get $xr) (local.get $k))))
                (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $xs) (f64.load (i32.add (local.get $w0) (local.get $k))))))
                (local.set $s1 (f64.add (local.get $s1) (f64.mul (local.get $xs) (f64.load (i32.add (local.get $w1) (local.get $k))))))
                (local.set $s2 (f64.add (local.get $s2) (f64.mul (local.get $xs) (f64.load (i32.add (local.get $w2) (local.get $k))))))
                (local.set $s3 (f64.add (local.get $s3) (f64.mul (local.get $xs) (f64.load (i32.add (local.get $w3) (local.get $k))))))))
            (local.set $w0 (i32.add (local.get $b) (i32.shl (local.get $o) (i32.const 3))))
            (f64.store (local.get $zp) (f64.add (local.get $s0) (f64.load (local.get $w0))))
            (f64.store offset=8 (local.get $zp) (f64.add (local.get $s1) (f64.load offset=8 (local.get $w0))))
            (f64.store offset=16 (local.get $zp) (f64.add (local.get $s2) (f64.load offset=16 (local.get $w0))))
            (f64.store offset=24 (local.get $zp) (f64.add (local.get $s3) (f64.load offset=24 (local.get $w0))))
            (local.set $zp (i32.add (local.get $zp) (i32.const 32)))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (br $quads)))
        ;; the remaining outputs one at a time
        (block $onesDone
          (loop $ones
            (br_if $onesDone (i32.ge_u (local.get $o) (local.get $fout)))
            (local.set $w0 (i32.add (local.get $w) (i32.mul (local.get $o) (local.get $rowB))))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $k (i32.const 0))
            (block $k4Done
              (loop $k4
                (br_if $k4Done (i32.ge_u (local.get $k) (local.get $quadB)))
                (local.set $a0 (f64x2.add (local.get $a0)
                  (f64x2.mul (v128.load (i32.add (local.get $xr) (local.get $k)))
                    (v128.load (i32.add (local.get $w0) (local.get $k))))))
                (local.set $a1 (f64x2.add (local.get $a1)
                  (f64x2.mul (v128.load offset=16 (i32.add (local.get $xr) (local.get $k)))
                    (v128.load offset=16 (i32.add (local.get $w0) (local.get $k))))))
                (local.set $k (i32.add (local.get $k) (i32.const 32)))
                (br $k4)))
            (if (i32.lt_u (local.get $k) (local.get $pairB))
              (then
                (local.set $a0 (f64x2.add (local.get $a0)
                  (f64x2.mul (v128.load (i32.add (local.get $xr) (local.get $k)))
                    (v128.load (i32.add (local.get $w0) (local.get $k))))))
                (local.set $k (i32.add (local.get $k) (i32.const 16)))))
            (local.set $a0 (f64x2.add (local.get $a0) (local.get $a1)))
            (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
            (if (i32.lt_u (local.get $k) (local.get $rowB))
              (then
                (local.set $s0 (f64.add (local.get $s0)
                  (f64.mul (f64.load (i32.add (local.get $xr) (local.get $k)))
                    (f64.load (i32.add (local.get $w0) (local.get $k))))))))
            (f64.store (local.get $zp)
              (f64.add (local.get $s0) (f64.load (i32.add (local.get $b) (i32.shl (local.get $o) (i32.const 3))))))
            (local.set $zp (i32.add (local.get $zp) (i32.const 8)))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (br $ones)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; g[o, k] = Σᵢ dz[i, o]·x[i, k] and gb[o] = Σᵢ dz[i, o], overwriting g and gb: 4 rows per
  ;; pass, each output's row of g updated two k at a time, terms added in row order.
  (func (export "backward")
    (param $x i32) (param $dz i32) (param $n i32) (param $fin i32) (param $fout i32)
    (param $g i32) (param $gb i32)
    (local $i i32) (local $o i32) (local $k i32) (local $rowB i32) (local $pairB i32) (local $zrowB i32)
    (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32) (local $gr i32) (local $d i32)
    (local $e0 v128) (local $e1 v128) (local $e2 v128) (local $e3 v128)
    (local $f0 f64) (local $f1 f64) (local $f2 f64) (local $f3 f64) (local $s f64) (local $end i32)
    (local.set $rowB (i32.shl (local.get $fin) (i32.const 3)))
    (local.set $pairB (i32.shl (i32.and (local.get $fin) (i32.const -2)) (i32.const 3)))
    (local.set $zrowB (i32.shl (local.get $fout) (i32.const 3)))
    ;; bias gradients, and g ← 0
    (block $bDone
      (loop $bs
        (br_if $bDone (i32.ge_u (local.get $o) (local.get $fout)))
        (local.set $s (f64.const 0))
        (local.set $d (i32.add (local.get $dz) (i32.shl (local.get $o) (i32.const 3))))
        (local.set $i (i32.const 0))
        (block $iDone
          (loop $is
            (br_if $iDone (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $s (f64.add (local.get $s) (f64.load (local.get $d))))
            (local.set $d (i32.add (local.get $d) (local.get $zrowB)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $is)))
        (f64.store (i32.add (local.get $gb) (i32.shl (local.get $o) (i32.const 3))) (local.get $s))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br $bs)))
    (memory.fill (local.get $g) (i32.const 0) (i32.mul (local.get $fout) (local.get $rowB)))
    (local.set $i (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowB))))
        (local.set $x1 (i32.add (local.get $x0) (local.get $rowB)))
        (local.set $x2 (i32.add (local.get $x1) (local.get $rowB)))
        (local.set $x3 (i32.add (local.get $x2) (local.get $rowB)))
        (local.set $o (i32.const 0))
        (block $oDone
          (loop $os
            (br_if $oDone (i32.ge_u (local.get $o) (local.get $fout)))
            (local.set $d (i32.add (local.get $dz)
              (i32.shl (i32.add (i32.mul (local.get $i) (local.get $fout)) (local.get $o)) (i32.const 3))))
            (local.set $f0 (f64.load (local.get $d)))
            (local.set $d (i32.add (local.get $d) (local.get $zrowB)))
            (local.set $f1 (f64.load (local.get $d)))
            (local.set $d (i32.add (local.get $d) (local.get $zrowB)))
            (local.set $f2 (f64.load (local.get $d)))
            (local.set $d (i32.add (local.get $d) (local.get $zrowB)))
            (local.set $f3 (f64.load (local.get $d)))
            (local.set $e0 (f64x2.splat (local.get $f0)))
            (local.set $e1 (f64x2.splat (local.get $f1)))
            (local.set $e2 (f64x2.splat (local.get $f2)))
            (local.set $e3 (f64x2.splat (local.get $f3)))
            (local.set $gr (i32.add (local.get $g) (i32.mul (local.get $o) (local.get $rowB))))
            (local.set $k (i32.const 0))
            (block $kDone
              (loop $ks
                (br_if $kDone (i32.ge_u (local.get $k) (local.get $pairB)))
                (v128.store (i32.add (local.get $gr) (local.get $k))
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.add (v128.load (i32.add (local.get $gr) (local.get $k)))
                          (f64x2.mul (local.get $e0) (v128.load (i32.add (local.get $x0) (local.get $k)))))
                        (f64x2.mul (local.get $e1) (v128.load (i32.add (local.get $x1) (local.get $k)))))
                      (f64x2.mul (local.get $e2) (v128.load (i32.add (local.get $x2) (local.get $k)))))
                    (f64x2.mul (local.get $e3) (v128.load (i32.add (local.get $x3) (local.get $k))))))
                (local.set $k (i32.add (local.get $k) (i32.const 16)))
                (br $ks)))
            (if (i32.lt_u (local.get $k) (local.get $rowB))
              (then
                (f64.store (i32.add (local.get $gr) (local.get $k))
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.add (f64.load (i32.add (local.get $gr) (local.get $k)))
                          (f64.mul (local.get $f0) (f64.load (i32.add (local.get $x0) (local.get $k)))))
                        (f64.mul (local.get $f1) (f64.load (i32.add (local.get $x1) (local.get $k)))))
                      (f64.mul (local.get $f2) (f64.load (i32.add (local.get $x2) (local.get $k)))))
                    (f64.mul (local.get $f3) (f64.load (i32.add (local.get $x3) (local.get $k))))))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (br $os)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; the remaining rows one at a time
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowB))))
        (local.set $o (i32.const 0))
        (block $oDone
          (loop $os
            (br_if $oDone (i32.ge_u (local.get $o) (local.get $fout)))
            (local.set $f0 (f64.load (i32.add (local.get $dz)
              (i32.shl (i32.add (i32.mul (local.get $i) (local.get $fout)) (local.get $o)) (i32.const 3)))))
            (local.set $e0 (f64x2.splat (local.get $f0)))
            (local.set $gr (i32.add (local.get $g) (i32.mul (local.get $o) (local.get $rowB))))
            (local.set $k (i32.const 0))
            (block $kDone
              (loop $ks
                (br_if $kDone (i32.ge_u (local.get $k) (local.get $pairB)))
                (v128.store (i32.add (local.get $gr) (local.get $k))
                  (f64x2.add (v128.load (i32.add (local.get $gr) (local.get $k)))
                    (f64x2.mul (local.get $e0) (v128.load (i32.add (local.get $x0) (local.get $k))))))
                (local.set $k (i32.add (local.get $k) (i32.const 16)))
                (br $ks)))
            (if (i32.lt_u (local.get $k) (local.get $rowB))
              (then
                (f64.store (i32.add (local.get $gr) (local.get $k))
                  (f64.add (f64.load (i32.add (local.get $gr) (local.get $k)))
                    (f64.mul (local.get $f0) (f64.load (i32.add (local.get $x0) (local.get $k))))))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (br $os)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rest))))

  ;; dIn[i, k] = Σₒ dz[i, o]·W[o, k]: one row at a time, 8 k per pass held in 4 f64x2
  ;; accumulators over every output (then pairs, then a last single k), outputs in order.
  (func (export "inputGrad")
    (param $w i32) (param $dz i32) (param $n i32) (param $fin i32) (param $fout i32) (param $din i32)
    (local $i i32) (local $o i32) (local $k i32) (local $rowB i32)
    (local $dr i32) (local $dzr i32) (local $wp i32) (local $dp i32) (local $e v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $s f64)
    (local.set $rowB (i32.shl (local.get $fin) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $dr (i32.add (local.get $din) (i32.mul (local.get $i) (local.get $rowB))))
        (local.set $dzr (i32.add (local.get $dz) (i32.shl (i32.mul (local.get $i) (local.get $fout)) (i32.const 3))))
        (local.set $k (i32.const 0))
        ;; 8 k per pass
        (block $k8Done
          (loop $k8
            (br_if $k8Done (i32.gt_u (i32.add (local.get $k) (i32.const 64)) (local.get $rowB)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $a2 (v128.const f64x2 0 0))
            (local.set $a3 (v128.const f64x2 0 0))
            (local.set $wp (i32.add (local.get $w) (local.get $k)))
            (local.set $dp (local.get $dzr))
            (local.set $o (i32.const 0))
            (block $oDone
              (loop $os
                (br_if $oDone (i32.ge_u (local.get $o) (local.get $fout)))
                (local.set $e (v128.load64_splat (local.get $dp)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $e) (v128.load (local.get $wp)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $e) (v128.load offset=16 (local.get $wp)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $e) (v128.load offset=32 (local.get $wp)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $e) (v128.load offset=48 (local.get $wp)))))
                (local.set $wp (i32.add (local.get $wp) (local.get $rowB)))
                (local.set $dp (i32.add (local.get $dp) (i32.const 8)))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (br $os)))
            (local.set $wp (i32.add (local.get $dr) (local.get $k)))
            (v128.store (local.get $wp) (local.get $a0))
            (v128.store offset=16 (local.get $wp) (local.get $a1))
            (v128.store offset=32 (local.get $wp) (local.get $a2))
            (v128.store offset=48 (local.get $wp) (local.get $a3))
            (local.set $k (i32.add (local.get $k) (i32.const 64)))
            (br $k8)))
        ;; pairs
        (block $k2Done
          (loop $k2
            (br_if $k2Done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $rowB)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $wp (i32.add (local.get $w) (local.get $k)))
            (local.set $dp (local.get $dzr))
            (local.set $o (i32.const 0))
            (block $oDone
              (loop $os
                (br_if $oDone (i32.ge_u (local.get $o) (local.get $fout)))
                (local.set $a0 (f64x2.add (local.get $a0)
                  (f64x2.mul (v128.load64_splat (local.get $dp)) (v128.load (local.get $wp)))))
                (local.set $wp (i32.add (local.get $wp) (local.get $rowB)))
                (local.set $dp (i32.add (local.get $dp) (i32.const 8)))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (br $os)))
            (v128.store (i32.add (local.get $dr) (local.get $k)) (local.get $a0))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br $k2)))
        ;; a last single k
        (if (i32.lt_u (local.get $k) (local.get $rowB))
          (then
            (local.set $s (f64.const 0))
            (local.set $wp (i32.add (local.get $w) (local.get $k)))
            (local.set $dp (local.get $dzr))
            (local.set $o (i32.const 0))
            (block $oDone
              (loop $os
                (br_if $oDone (i32.ge_u (local.get $o) (local.get $fout)))
                (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $dp)) (f64.load (local.get $wp)))))
                (local.set $wp (i32.add (local.get $wp) (local.get $rowB)))
                (local.set $dp (i32.add (local.get $dp) (i32.const 8)))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (br $os)))
            (f64.store (i32.add (local.get $dr) (local.get $k)) (local.get $s))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))

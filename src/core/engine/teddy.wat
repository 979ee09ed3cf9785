;; The SIMD half of the byte pre-filter (byteFilter.ts): finds where some needle's 3-byte window
;; may start, 16 positions at a time. This is the "Teddy" technique of Hyperscan and ripgrep:
;; each needle is put in one of 8 buckets (a bit each), and six 16-byte tables say, for every
;; low and every high nibble at window position 0, 1 and 2, which buckets have a needle with that
;; nibble there. Looking both nibbles of 16 bytes up at once (i8x16.swizzle) and ANDing the three
;; positions leaves, per position, the buckets whose window may start there. Candidates are rare
;; and byteFilter.ts confirms them; this loop never says "no" wrongly, it only says "maybe" too
;; often. Compiled by src/build/build.mjs into teddy.wasm.ts.
;;
;; Memory: bytes 0-95 hold the tables (low nibble then high nibble, for positions 0, 1, 2); the
;; caller writes the text after them and at least 16 zero bytes after the text. A zero byte
;; never matches: no needle holds a byte whose high nibble is 0.
(module
  (memory (export "memory") 1)

  ;; The first candidate position in [at, end), or -1. Candidates past `end` cannot occur (the
  ;; zero padding never matches), so the final partial block needs no special case.
  (func (export "next") (param $at i32) (param $end i32) (result i32)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128) (local $lo2 v128) (local $hi2 v128)
    (local $nibble v128) (local $v v128) (local $m v128) (local $bits i32)
    (local.set $lo0 (v128.load (i32.const 0)))
    (local.set $hi0 (v128.load (i32.const 16)))
    (local.set $lo1 (v128.load (i32.const 32)))
    (local.set $hi1 (v128.load (i32.const 48)))
    (local.set $lo2 (v128.load (i32.const 64)))
    (local.set $hi2 (v128.load (i32.const 80)))
    (local.set $nibble (i8x16.splat (i32.const 15)))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        ;; Window position 0: the buckets allowed by the byte at each of at .. at+15.
        (local.set $v (v128.load (local.get $at)))
        (local.set $m (v128.and
          (i8x16.swizzle (local.get $lo0) (v128.and (local.get $v) (local.get $nibble)))
          (i8x16.swizzle (local.get $hi0) (i8x16.shr_u (local.get $v) (i32.const 4)))))
        ;; Position 1: the bytes one further on, so lane i still speaks of a window at at+i.
        (local.set $v (v128.load offset=1 (local.get $at)))
        (local.set $m (v128.and (local.get $m) (v128.and
          (i8x16.swizzle (local.get $lo1) (v128.and (local.get $v) (local.get $nibble)))
          (i8x16.swizzle (local.get $hi1) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        ;; Position 2.
        (local.set $v (v128.load offset=2 (local.get $at)))
        (local.set $m (v128.and (local.get $m) (v128.and
          (i8x16.swizzle (local.get $lo2) (v128.and (local.get $v) (local.get $nibble)))
          (i8x16.swizzle (local.get $hi2) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        ;; One bit per lane with a bucket left; the lowest is the first candidate.
        (local.set $bits (i8x16.bitmask (i8x16.ne (local.get $m) (v128.const i64x2 0 0))))
        (if (local.get $bits)
          (then (return (i32.add (local.get $at) (i32.ctz (local.get $bits))))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $scan)))
    (i32.const -1)))

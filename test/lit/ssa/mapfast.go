// Checks which runtime map functions the builder calls (gc's mapfast):
// keys by value for strings and 4- or 8-byte keys of plain memory
// (pointers: mapassign_fast64ptr), by address otherwise and for elements
// over 128 bytes; string(b) keys lend b's bytes to lookups, deletions and
// m[string(b)]++ (mapassign_faststr_borrowed copies them when inserting);
// m[k] /= y reads the element before the zero check and inserts after it.
// RUN: %origo build -stop-after=ssa %s | FileCheck %s

package main

type pair struct{ a, b int32 }

type pad struct {
	a int8
	b int32
}

// CHECK-LABEL: main.strings func(map[string]int, string) int
// CHECK: runtime.mapaccess2_faststr
// CHECK: runtime.mapaccess1_faststr
// CHECK: runtime.mapassign_faststr}
// CHECK: runtime.mapdelete_faststr
func strings(m map[string]int, k string) int {
	v, ok := m[k]
	_ = ok
	m[k] = m[k] + v
	delete(m, k)
	return v
}

// CHECK-LABEL: main.bytes func(map[string]int, []uint8) int
// CHECK-NOT: runtime.slicebytetostring
// CHECK: runtime.mapaccess1_faststr
// CHECK: runtime.mapassign_faststr_borrowed
// CHECK: runtime.mapdelete_faststr
// CHECK: runtime.slicebytetostring
// CHECK: runtime.mapassign_faststr}
func bytes(m map[string]int, b []byte) int {
	v := m[string(b)]
	m[string(b)]++
	delete(m, string(b))
	m[string(b)], v = 1, 2
	return v
}

// CHECK-LABEL: main.words func(map[int32]int, map[uint64]int, map[*int]int, map[pair]int)
// CHECK: runtime.mapassign_fast32
// CHECK: runtime.mapassign_fast64}
// CHECK: runtime.mapassign_fast64ptr
// CHECK: runtime.mapaccess1_fast64
// CHECK: Load <uint64>
// CHECK: runtime.mapassign_fast64}
func words(a map[int32]int, b map[uint64]int, c map[*int]int, d map[pair]int) {
	a[1] = 1
	b[2] = 2
	p := new(int)
	c[p] = 3
	_ = c[p]
	d[pair{1, 2}] = 4
}

// CHECK-LABEL: main.generic func(map[int16]int, map[float64]int, map[pad]int, map[string][20]int)
// CHECK: runtime.mapassign}
// CHECK: runtime.mapassign}
// CHECK: runtime.mapassign}
// CHECK: runtime.slicebytetostring
// CHECK: runtime.mapassign}
// CHECK: runtime.mapaccess1}
func generic(a map[int16]int, b map[float64]int, c map[pad]int, d map[string][20]int) {
	a[1] = 1
	b[2] = 2
	c[pad{1, 2}] = 3
	d[string([]byte("x"))] = [20]int{}
	_ = d["y"]
}

// CHECK-LABEL: main.divide func(map[string]int, int)
// CHECK: runtime.mapaccess1_faststr
// CHECK: runtime.panicdivide
// CHECK: runtime.mapassign_faststr}
func divide(m map[string]int, y int) {
	m["k"] /= y
}

func main() {}

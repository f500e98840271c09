// The same input gives the same executable, byte for byte (no time
// stamps, paths of temporary files or hash-order dependence), including
// when built from another directory.
// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: %origo build -o %t/a/x %s
// RUN: cd %t/b && %origo build -o %t/b/x %s
// RUN: cmp %t/a/x %t/b/x

package main

type pair struct{ k string; v int }

func main() {
	m := map[string]int{"a": 1, "b": 2}
	ps := []pair{{"x", len(m)}}
	f := func() int { return ps[0].v }
	println(f())
}

// Maps keyed by arrays and structs written as literals (keys built in
// zeroed slots).
package main

func main() {
	type T [1]byte
	type V [1]byte
	m := make(map[T]V)
	m[T{}] = V{1}
	m[T{1}] = V{2}
	println(len(m), m[T{}][0], m[T{1}][0])
	type K struct{ a, b int }
	m2 := map[K]int{}
	m2[K{1, 2}] = 5
	m2[K{2, 1}] = 6
	println(len(m2), m2[K{1, 2}], m2[K{2, 1}])
}

// An unhashable dynamic key type (a struct with a slice field: the struct is
// named) in a lookup of a non-empty map.
package main

type T struct {
	s string
	f []int
}

func main() {
	m := map[interface{}]int64{int64(1): 1}
	var k interface{} = T{}
	_ = m[k]
}

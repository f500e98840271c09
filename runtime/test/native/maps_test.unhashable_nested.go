// A hashable struct whose interface field holds an unhashable value: the
// panic names the innermost dynamic type.
package main

type W struct {
	n int32
	x interface{}
}

func main() {
	m := map[interface{}]int64{}
	var k interface{} = W{x: []int{1}}
	m[k] = 1
}

// A map with interface keys panics on a key whose dynamic type is not
// comparable.
package main

func main() {
	m := map[interface{}]int{1: 1}
	println(len(m))
	m[[]int{1}] = 2
}

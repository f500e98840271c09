// Switches on types that compare only with nil: slices, maps, funcs.
package main

func main() {
	for _, a := range [][]int{nil, {1}, make([]int, 0)} {
		switch a {
		case nil:
			println("nil slice")
		default:
			println("slice of", len(a))
		}
	}
	var m map[int]int
	switch m {
	case nil:
		println("nil map")
	}
	f := func() {}
	switch f {
	case nil:
		println("nil func")
	default:
		println("func")
	}
}

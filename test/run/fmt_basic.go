// Upstream fmt (through origo's stdlib/reflect and upstream strconv,
// unicode/utf8, sync, os): verbs, widths, flags, Stringer, %w errors,
// structs, slices, maps (sorted keys), pointers to Stringers.
package main

import "fmt"

type point struct {
	X, Y int
	name string
}

func (p point) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }

type plain struct {
	A int
	B []string
	C map[string]int
	D *int
}

func main() {
	fmt.Println("hello", 42, 3.5, true, nil)
	fmt.Printf("%d %x %o %b %5.2f %q %v %+v %T\n", 17, 255, 8, 5, 3.14159, "hi", []int{1, 2}, struct{ A int }{3}, 1.5)
	p := point{1, 2, "x"}
	fmt.Println(p, &p)
	n := 7
	v := plain{1, []string{"a", "b"}, map[string]int{"z": 1, "a": 2}, &n}
	fmt.Printf("%v\n%+v\n", v.B, v.C)
	fmt.Printf("%#v\n", []int{1})
	s := fmt.Sprint("x", 1, 2, "y")
	fmt.Println(s, len(s))
	var e error = fmt.Errorf("wrap: %w", fmt.Errorf("inner %d", 5))
	fmt.Println(e)
	fmt.Printf("%08.3f|%-5d|%+d|%U|%c\n", 3.14159, 42, 7, 0x1F600, 'A')
	fmt.Printf("%v %v\n", [3]bool{true}, map[int]string{2: "b", 1: "a"})
}

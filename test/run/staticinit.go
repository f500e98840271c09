// Package variables with constant initializers laid out as data
// (ssa/staticinit.cpp): every kind of constant, nested literals, keyed
// array and slice elements, pointers to literals, empty and nil slices,
// and variables that stay code (calls, maps, interfaces) beside them.
package main

type point struct {
	x, y int16
	tag  string
}

type shape struct {
	name   string
	pts    []point
	origin *point
	flags  [4]bool
	scale  float32
	ratio  float64
	z      complex128
	big    uint64
	neg    int8
	next   *shape
}

type myInt int

var (
	sq = shape{
		name:   "square",
		pts:    []point{{0, 0, "a"}, {0, 1, "b"}, {1, 1, ""}, {x: 1}},
		origin: &point{-3, 4, "o"},
		flags:  [4]bool{1: true, 3: true},
		scale:  1.5,
		ratio:  1.0 / 3,
		z:      complex(2, -0.5),
		big:    1<<64 - 1,
		neg:    -128,
		next:   &shape{name: "inner"},
	}
	primes  = [...]int{2, 3, 5, 7, 11}
	sparse  = []string{5: "five", 2: "two", "three"}
	empty   = []int{}
	nilS    []int
	named   myInt = 7
	ptrs    = []*point{{1, 2, "p"}, nil, {3, 4, "q"}}
	m       = map[string]int{"a": 1}
	iface   any = 3
	lenName = len(sq.name) + len(primes)
)

func main() {
	println(sq.name, len(sq.pts), sq.pts[1].y, sq.pts[1].tag, sq.pts[3].x, sq.pts[3].tag == "")
	println(sq.origin.x, sq.origin.y, sq.origin.tag, sq.flags[0], sq.flags[1], sq.flags[3])
	println(sq.scale, sq.ratio, real(sq.z), imag(sq.z), sq.big, sq.neg, sq.next.name, sq.next.next == nil)
	println(len(primes), primes[4], len(sparse), sparse[2], sparse[3], sparse[5], sparse[0] == "")
	println(empty != nil, len(empty), nilS == nil, named, ptrs[0].tag, ptrs[1] == nil, ptrs[2].y)
	println(m["a"], iface.(int), lenName)
	// The data is writable, like any variable.
	sq.pts[0].x = 9
	primes[0] = 1
	sq.origin.tag = "moved"
	println(sq.pts[0].x, primes[0], sq.origin.tag)
}

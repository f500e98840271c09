// Capture modes and stack allocation across nested closures, goto loops,
// directly called literals, defers in loops and method values.
package main

type pair struct{ a, b int }

func (p pair) sum() int { return p.a + p.b }
func (p *pair) bump()   { p.a++ }

type num int

func (n *num) inc() { *n++ }

func twice(f func() int) int { return f() + f() }

func pick(p, q *int, first bool) *int {
	if first {
		return p
	}
	return q
}

func main() {
	// nested closures: by value and by reference through two levels
	x, y := 1, 2
	outer := func() int {
		inner := func() int { y++; return x + y }
		return inner() * 10
	}
	println(twice(outer), y)
	// struct captured by value
	pr := pair{3, 4}
	println(twice(func() int { return pr.sum() }))
	// struct captured by reference (method with pointer receiver)
	pq := pair{1, 1}
	println(twice(func() int { pq.bump(); return pq.a }))
	// named non-aggregate with pointer method
	var n num
	n.inc()
	n.inc()
	println(int(n))
	// goto loop with closures
	i := 0
	var fs []func() int
loop:
	j := i
	fs = append(fs, func() int { return j })
	i++
	if i < 3 {
		goto loop
	}
	println(fs[0](), fs[1](), fs[2]())
	// results flowing through a directly called closure
	a, b := 5, 6
	p := func() *int { return pick(&a, &b, false) }()
	*p = 60
	println(a, b)
	// defers in a loop with closures
	println(deferLoop())
	// value method value
	mv := pr.sum
	pr.a = 100
	println(mv())
	// arrays
	arr := [3]int{1, 2, 3}
	s := arr[:]
	s[0] = 9
	println(arr[0], len(s))
	// new in loop kept in a local slice declared inside the loop
	tot := 0
	for k := 0; k < 3; k++ {
		var local []*int
		for m := 0; m < 2; m++ {
			local = append(local, new(int))
		}
		*local[0] = k
		tot += *local[0] + *local[1]
	}
	println(tot)
	// switch & type switch with pointers
	var e interface{} = &pair{7, 8}
	switch v := e.(type) {
	case *pair:
		v.bump()
		println(v.a)
	}
	// closure returning closure
	mk := func(k int) func() int { return func() int { return k * k } }
	println(mk(3)(), mk(4)())
}

func deferLoop() (r int) {
	for i := 0; i < 3; i++ {
		v := i
		defer func() { r = r*10 + v }()
	}
	return 0
}

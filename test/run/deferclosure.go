// Deferred closures that capture variables: named results changed after
// the return statement set them, recover setting results, closures
// deferred in a loop, a variable shared with a closure that outlives the
// call (it stays on the heap), a deferred literal with a literal inside.
// (Literals of open-coded defers and what only they capture live in the
// frame.)
package main

var depth int
var saved func() int

func traced(x int) (r int) {
	depth++
	defer func() {
		depth--
		r += depth
	}()
	r = x ^ 0x2a
	return
}

func twoDefers(x int) (r int) {
	defer func() { r = r*2 + 1 }()
	defer func() { r += x & 3 }()
	return x
}

func safe(x int) (r int, failed bool) {
	defer func() {
		if e := recover(); e != nil {
			r = -1
			failed = true
		}
	}()
	if x%3 == 0 {
		panic(x)
	}
	return x, false
}

func loopDefer(n int) (r int) {
	for i := 0; i < n; i++ {
		defer func(i int) { r += i }(i)
	}
	return 0
}

// n is captured by a deferred literal and by a closure that outlives the
// call: both must share one variable.
func shared(n int) int {
	defer func() { n *= 10 }()
	saved = func() int { return n }
	n++
	return n
}

// A deferred literal with a literal inside.
func nested(n int) (r int) {
	defer func() {
		add := func(k int) { r += k }
		add(n)
		add(1)
	}()
	return 100
}

var g *int

// The deferred literal lets v's address out: v must outlive the call.
func leak() int {
	v := 5
	defer func() { g = &v }()
	v++
	return v
}

func main() {
	println(traced(1), traced(2), depth)
	println(twoDefers(5), twoDefers(6))
	r, f := safe(3)
	println(r, f)
	r, f = safe(4)
	println(r, f)
	println(loopDefer(5))
	println(shared(4), saved())
	println(nested(7))
	println(leak())
	var pad [64]int
	println(*g, len(pad))
}

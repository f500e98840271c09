// More of gc's defer/recover behaviour: recovering from a deferred call in a
// loop (records) and from a deferred method; panics in deferred calls that
// other deferred calls recover (issue 48898's shapes); recover in a function
// deferred by a deferred function is nil; a panic while returning; runtime
// errors unwinding recursive frames; a function literal with defers.
package main

type V int

func (v V) get() { println("V.get", int(v), recover() != nil) }

func loopRecover(n int) (r int) {
	for i := 0; i < n; i++ {
		defer func(i int) {
			if recover() != nil {
				println("recovered by loop defer", i)
			}
		}(i)
	}
	r = 5
	panic("loop")
}

func methodRecover() {
	var v V = 9
	defer v.get()
	panic("m")
}

func issue48898() {
	defer func() {
		println("outer", recover() != nil)
	}()
	func() {
		func() {
			defer func() {
				defer func() {
					println("inner recover", recover() != nil)
				}()
				defer panic(3)
				panic(2)
			}()
			defer func() {
				println("recover 1", recover() != nil)
			}()
			panic(1)
		}()
		defer func() {}()
	}()
	func() {
		defer print(123, "\n")
		func() {
			defer func() {}()
			panic(4)
		}()
	}()
}

func e() {
	println("e recover nil:", recover() == nil)
}

func g() {
	defer e()
}

func nestedNotDirect() {
	defer func() {
		g()
		println("d recovers:", recover() != nil)
	}()
	panic("x")
}

func panicAtReturn() (r int) {
	defer println("last deferred still runs")
	defer func() {
		panic("at return")
	}()
	return 3
}

func catchAtReturn() (r int) {
	defer func() {
		println("caught:", recover() != nil)
	}()
	return panicAtReturn()
}

func rec(n int) int {
	defer println("rec unwinding", n)
	if n == 0 {
		var m []int
		m[n] = 1
	}
	return rec(n-1) + 1
}

func catchRec() (x int) {
	defer func() {
		println("map panic caught:", recover() != nil)
	}()
	x = 11
	return rec(3)
}

func lit() {
	f := func() (z int) {
		defer func() { recover() }()
		panic("in literal")
	}
	println("literal returned", f())
}

func main() {
	println(loopRecover(3))
	methodRecover()
	issue48898()
	nestedNotDirect()
	println(catchAtReturn())
	println(catchRec())
	lit()
}

// recover: gc's rules (only a deferred function called directly while
// panicking recovers; nil when not panicking; nil after the first
// recover), results of a recovered function, runtime errors as recoverable
// panics, a panic in a deferred call, deferred calls in loops while
// panicking.
package main

var log int

func mustNil(where string) {
	if recover() != nil {
		println("BUG: recover in", where, "returned a value")
	}
}

func notDirect() {
	defer func() {
		mustNil("a function called by the deferred function")
		helperRecovers()
	}()
	defer func() {
		println("recovered directly:", recover() != nil)
		println("second recover is nil:", recover() == nil)
	}()
	panic("notDirect")
}

func helperRecovers() {
	if recover() != nil {
		println("BUG: helper recovered")
	}
}

func results() (a int, b string) {
	defer func() {
		recover()
	}()
	a = 7
	b = "set before the panic"
	panic(1)
}

func unnamed() int {
	defer func() {
		recover()
	}()
	panic("unnamed results are zero")
}

func index(s []int, i int) (v int, ok bool) {
	defer func() {
		if recover() != nil {
			println("index out of range")
		}
	}()
	return s[i], true
}

// A named function deferred with arguments may recover too.
func fixDivide(q *int) {
	if r := recover(); r != nil {
		*q = -1
		println("divide: recovered")
	}
}

func divide(a, b int) (q int) {
	defer fixDivide(&q)
	return a / b
}

func nilFunc() {
	defer func() {
		println("nil func call recovered:", recover() != nil)
	}()
	var f func()
	f()
}

func panicInDefer() {
	defer func() {
		println("outer deferred call recovers:", recover() != nil)
	}()
	defer println("still runs after the deferred panic")
	defer func() {
		panic("from a deferred call")
	}()
	panic("original")
}

func loopRecords(n int) (sum int) {
	defer func() {
		recover()
	}()
	for i := 0; i < n; i++ {
		defer println("record", i)
	}
	panic("loop")
}

func deep(n int) {
	if n == 0 {
		panic("deep")
	}
	defer println("unwinding", n)
	deep(n - 1)
}

func catchDeep() {
	defer func() {
		println("caught deep:", recover() != nil)
	}()
	deep(3)
}

func main() {
	mustNil("main")
	notDirect()
	a, b := results()
	println(a, b)
	println(unnamed())
	s := []int{1, 2, 3}
	v, ok := index(s, 1)
	println(v, ok)
	v, ok = index(s, 5)
	println(v, ok)
	println(divide(7, 2), divide(1, 0))
	nilFunc()
	panicInDefer()
	loopRecords(3)
	catchDeep()
	for i := 0; i < 1000; i++ {
		divideQuiet(i)
	}
	println("log", log)
}

func divideQuiet(i int) {
	defer func() {
		if recover() != nil {
			log++
		}
	}()
	_ = 100 / (i % 10)
}

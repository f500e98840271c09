// Three panics in one report: a runtime error recovered and panicked again
// by a deferred function, then a deferred call that panics while its
// function returns. gc lists them oldest first, marks the recovered ones,
// and the traceback goes through gopanic's frames; a deferred call made at
// a return shows the return statement's line.
package main

func at(s []int, i int) int {
	return s[i]
}

func f() (r int) {
	defer func() {
		r := recover()
		println("got", r != nil)
		panic(r)
	}()
	defer println("deferred println")
	return at([]int{1}, 5)
}

func g() int {
	defer func() {
		panic("in deferred at return")
	}()
	return 4
}

func main() {
	defer func() {
		println(recover() != nil)
		g()
	}()
	f()
}

package main

// A panic while another one's deferred calls run, with frames on several
// stack segments: the deferred call panics again 40 frames of 1.6 KB
// deeper (new segments), the older panic is aborted, the newer recovered;
// then the same without recovery, whose report names both panics and
// prints every frame (fewer than gc's 100).

func down(n int, msg string) int {
	var buf [200]int
	buf[n%200] = n
	if n == 0 {
		panic(msg)
	}
	return (down(n-1, msg)+buf[(n*7)%200])*3%1000003 + 1
}

func inner() (r int) {
	defer func() {
		println("recovered:", recover().(string))
		r = 7
	}()
	defer func() { down(40, "second") }()
	panic("first")
}

func deep(n int, f func() int) int {
	var buf [200]int
	buf[n%200] = n
	if n == 0 {
		return f()
	}
	return (deep(n-1, f)+buf[(n*7)%200])*3%1000003 + 1
}

func unrecovered() int {
	defer func() { down(40, "fourth") }()
	panic("third")
}

func main() {
	println(deep(20, inner))
	println(deep(20, unrecovered))
}

package main

// Growable stacks: one million frames of recursion on the main goroutine
// (the recursion is not a loop in disguise: each frame keeps an array and
// combines its callee's result non-associatively), a panic raised a million
// frames down and recovered at the top, and recoveries from deferred calls
// that themselves run near segment boundaries.

func plain(n int, x *int) int {
	var buf [4]int
	buf[n%4] = n
	if n == 0 {
		return *x
	}
	r := plain(n-1, x) ^ buf[n%4]
	return r*7%1000003 + 1
}

func rec(n int, x *int) int {
	var buf [4]int
	buf[n%4] = n
	if n == 0 {
		panic("bottom")
	}
	r := rec(n-1, x) ^ buf[n%4]
	return r*7%1000003 + 1
}

func deferred(n int) (res int) {
	defer func() {
		if r := recover(); r != nil {
			if r.(string) != "bottom" {
				println("recovered:", r.(string))
			}
			res = -1
		}
	}()
	v := 5
	return rec(n, &v)
}

// recd reaches deferred at every depth from 0 to n in steps, so that some
// of the deferred calls (and their recover) start a new segment.
func recd(n int) int {
	if n == 0 {
		return deferred(1000)
	}
	return recd(n-1) + 1
}

func main() {
	v := 3
	println(plain(1000000, &v))
	println(deferred(1000000))
	println(deferred(10))
	sum := 0
	for d := 0; d < 3000; d += 37 {
		sum += recd(d)
	}
	println(sum)
	for i := 0; i < 3; i++ {
		println(deferred(200000))
	}
	println(plain(1000000, &v))
}

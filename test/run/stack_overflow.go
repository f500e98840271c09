package main

// Unbounded recursion: gc's "goroutine stack exceeds 1000000000-byte
// limit" report and exit status 2. (golden.py keeps a stack overflow
// report up to its "fatal error" line: the runtime's frames after it are
// the implementation's.)

var stop = -1

func f(n int, x *int) int {
	var buf [4]int
	buf[n%4] = n
	if n == stop {
		return *x
	}
	return (f(n+1, x)^buf[n%4])*7%1000003 + 1
}

func main() {
	v := 1
	println(f(0, &v))
}

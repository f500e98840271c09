package main

// A panic 40 frames of 1.6 KB deep: its traceback crosses stack segment
// boundaries (8 KB first segment), and gc prints every frame.

func f(n int, x *int) int {
	var buf [200]int
	buf[n%200] = n
	if n == 0 {
		var a []int
		return a[*x]
	}
	r := (f(n-1, x)^buf[(n*7)%200])*7%1000003 + 1
	return r
}

func g(n int) int {
	v := 3
	return f(n, &v)
}

func main() {
	println(g(40))
}

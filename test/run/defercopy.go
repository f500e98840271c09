// env: GOMAXPROCS=1

// defer copy(dst, src) and go copy: operands evaluated at the statement.
// (One P: the go statement's goroutine cannot run before main's last
// println, with gc too.)
package main

func f(dst []byte) (n int) {
	src := "hello"
	defer copy(dst, src)
	src = "world"
	return 0
}

func main() {
	b := make([]byte, 3)
	f(b)
	println(string(b))
	for i := 0; i < 2; i++ {
		func() {
			x := []int{1, 2, 3}
			y := []int{9, 8}
			defer copy(x, y)
			defer println(x[0], x[1])
		}()
	}
	go copy(b, "zz")
	println(string(b))
}

package main

var s = -1

func init() { println("init 1") }

func init() { println("init 2") }

//go:noinline
func h(n int) int { return 1 << n }

//go:noinline
func g() int { return h(s) + 1 }

func main() {
	println(g())
}

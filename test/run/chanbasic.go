package main

// Unbuffered ping-pong between goroutines, buffered channels filled then
// drained, close + range, comma-ok receives, len and cap, channels of
// aggregates and strings, directional channel types, nil comparisons.

type P struct {
	a, b int
	s    string
}

func pinger(ping <-chan int, pong chan<- int, done chan<- struct{}) {
	for v := range ping {
		println("ping", v)
		pong <- v + 1
	}
	done <- struct{}{}
}

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan struct{})
	go pinger(ping, pong, done)
	v := 0
	for i := 0; i < 4; i++ {
		ping <- v
		v = <-pong
		println("pong", v)
	}
	close(ping)
	<-done

	b := make(chan string, 4)
	println(len(b), cap(b))
	b <- "a"
	b <- "b"
	b <- "c"
	println(len(b), cap(b))
	println(<-b)
	b <- "d"
	b <- "e"
	println(len(b))
	close(b)
	for s := range b {
		println("drained", s)
	}
	s, ok := <-b
	println(s == "", ok, len(b))

	pc := make(chan P, 2)
	pc <- P{1, 2, "x"}
	pc <- P{a: 3, s: "y"}
	p := <-pc
	q, ok := <-pc
	println(p.a, p.b, p.s, q.a, q.b, q.s, ok)
	close(pc)
	q, ok = <-pc
	println(q.a, q.b, q.s == "", ok)

	var nc chan int
	println(nc == nil, len(nc), cap(nc), ping != nil)
	var e chan struct{} = make(chan struct{}, 10)
	for i := 0; i < 10; i++ {
		e <- struct{}{}
	}
	println(len(e))

	arr := make(chan [3]int, 1)
	arr <- [3]int{7, 8, 9}
	a := <-arr
	println(a[0], a[1], a[2])

	ch := make(chan chan int, 1)
	inner := make(chan int, 1)
	ch <- inner
	(<-ch) <- 42
	println(<-inner)
}

func init() {
	var c chan int
	println("nil chan:", c)
}

package main

// select: default when nothing is ready, nil-channel cases that never
// fire, the only ready case chosen among blocked ones, send and receive
// cases, assignment forms, break out of a select, labeled break, a select
// in a loop that drains buffered channels (order fixed by readiness), and
// the counts of a random choice among two always-ready cases.

type T struct{ x, y int }

func main() {
	var nilc chan int
	c := make(chan int, 1)
	select {
	case v := <-c:
		println("bad", v)
	default:
		println("nothing ready")
	}
	select {
	case <-nilc:
		println("bad")
	case nilc <- 1:
		println("bad")
	case c <- 5:
		println("sent 5")
	}
	var v int
	var ok bool
	select {
	case v, ok = <-c:
		println("received", v, ok)
	case nilc <- 2:
		println("bad")
	}
	close(c)
	select {
	case v, ok := <-c:
		println("closed:", v, ok)
	}
	tc := make(chan T, 1)
	arr := make([]T, 2)
	tc <- T{1, 2}
	i := 1
	select {
	case arr[i] = <-tc:
	}
	println(arr[1].x, arr[1].y)

	// Ping-pong through selects.
	a, b := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		for {
			select {
			case x := <-a:
				b <- x * 10
			case <-done:
				println("worker done")
				done <- true
				return
			}
		}
	}()
	for k := 1; k <= 3; k++ {
		a <- k
		println("answer", <-b)
	}
	done <- true
	<-done

	// break leaves the select, a labeled break the loop.
	d := make(chan int, 3)
	d <- 1
	d <- 2
	d <- 3
	n := 0
loop:
	for {
		select {
		case x := <-d:
			if x == 2 {
				break
			}
			n += x
		default:
			break loop
		}
	}
	println("n", n)

	// Both cases are always ready: each is chosen sometimes.
	x1, x2 := make(chan int, 1), make(chan int, 1)
	c1, c2 := 0, 0
	for k := 0; k < 1000; k++ {
		x1 <- 1
		x2 <- 2
		select {
		case <-x1:
			c1++
			<-x2
		case <-x2:
			c2++
			<-x1
		}
	}
	println(c1 > 100, c2 > 100, c1+c2)

	// A select with only default, and one send case with default.
	select {
	default:
		println("only default")
	}
	full := make(chan int, 1)
	full <- 0
	select {
	case full <- 1:
		println("bad")
	default:
		println("full")
	}
}

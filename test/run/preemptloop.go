// env: GOMAXPROCS=1

package main

// A goroutine spinning in loops with no calls must not starve the others
// with one P: sysmon asks it to yield after 10 ms and the loop's back-edge
// poll gives the P up. Main waits on channels, so it can only finish if
// the spinners are preempted, again and again.

var sink int

func spinEmpty() {
	for {
	}
}

func spinCounting() {
	x := 0
	for i := 0; ; i++ {
		x += i
		if x == -1 {
			sink = x
		}
	}
}

func spinNested(n int) {
	for {
		for j := 0; j < n; j++ {
			sink += j
		}
	}
}

func main() {
	c := make(chan int)
	for i := 0; i < 5; i++ {
		// The sender is queued behind a new spinner (the newest goroutine
		// runs first): main gets its value only after the spinner yields.
		go func(v int) { c <- v * v }(i)
		switch i % 3 {
		case 0:
			go spinEmpty()
		case 1:
			go spinCounting()
		case 2:
			go spinNested(1000)
		}
		println("got", <-c)
	}
	println("done")
}

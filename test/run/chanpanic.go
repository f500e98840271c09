package main

// gc's channel panics, recovered: send on a closed channel (also from a
// select and from a blocked sender when the channel is closed), close of
// a closed channel, close of a nil channel, make with a negative size;
// receivers blocked on a channel that is closed wake with zero values.

func try(name string, f func()) {
	defer func() {
		r := recover()
		println(name+":", r.(error).Error())
	}()
	f()
}

func main() {
	try("send", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("select send", func() {
		c := make(chan int)
		close(c)
		select {
		case c <- 1:
		default:
		}
	})
	try("close closed", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("close nil", func() {
		var c chan int
		close(c)
	})
	n := -1
	try("make", func() {
		_ = make(chan int, n)
	})

	c := make(chan int)
	res := make(chan string)
	for i := 0; i < 3; i++ {
		go func(i int) {
			v, ok := <-c
			if v != 0 || ok {
				res <- "bad"
				return
			}
			res <- "woken"
		}(i)
	}
	go func() {
		defer func() { res <- recover().(error).Error() }()
		s := make(chan int)
		go func() { close(s) }()
		s <- 1
	}()
	close(c)
	// Whichever runs first (the receivers, the sender, the closers), the
	// results are the same; only their order differs: count them.
	counts := map[string]int{}
	for i := 0; i < 4; i++ {
		counts[<-res]++
	}
	println(counts["woken"], counts["send on closed channel"])
	println("end")
}

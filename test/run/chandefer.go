package main

// defer close(c) and go close(c): the channel is evaluated at the
// statement, closed later.

func produce(c chan<- int, n int) {
	defer close(c)
	for i := 0; i < n; i++ {
		c <- i
	}
}

func main() {
	c := make(chan int)
	go produce(c, 4)
	for v := range c {
		println(v)
	}
	d := make(chan int)
	go close(d)
	_, ok := <-d
	println(ok)
}

// Fan-in: four producers on their own channels, one consumer selecting
// over all four until each has closed.
package main

const perProducer = 2500000

func produce(id int, out chan<- int) {
	for i := 0; i < perProducer; i++ {
		out <- id*perProducer + i
	}
	close(out)
}

func main() {
	var chans [4]chan int
	for i := range chans {
		chans[i] = make(chan int, 16)
		go produce(i, chans[i])
	}
	a, b, c, d := chans[0], chans[1], chans[2], chans[3]
	sum, n := 0, 0
	for a != nil || b != nil || c != nil || d != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
		case v, ok := <-c:
			if !ok {
				c = nil
				continue
			}
			sum += v
		case v, ok := <-d:
			if !ok {
				d = nil
				continue
			}
			sum += v
		}
		n++
	}
	println("received:", n, "sum:", sum)
}

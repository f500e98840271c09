// An index out of an array's range panics with gc's message.
package main

type grid [4]int

func at(g *grid, i int) int { return g[i] }

func main() {
	var g grid
	for i := range g {
		g[i] = i + 10
	}
	println(at(&g, 3))
	println(at(&g, 4))
}

// Built-ins called with a multi-value call as their arguments:
// complex(f()), append(f()).
package main

func parts() (float64, float64) { return 5, 7 }

func base() ([]string, string, string) { return []string{"a"}, "b", "c" }

func main() {
	c := complex(parts())
	s := append(base())
	println(c, len(s), s[0], s[1], s[2])
}

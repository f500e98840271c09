package p

func two() (int, int) { return 0, 0 }
func one() map[int]int { return nil }

func f() {
	_ = copy(two())
	delete(one())
}

package p

func f[T interface{ ~[]P }, P any](t T) {
	if t == nil {
		return
	}
	f[[]T, T]([]T{t})
}

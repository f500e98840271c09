package units

const factor = 2

func Scale(x float64) float64 { return x * factor }

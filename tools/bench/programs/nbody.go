// n-body: a simulation of the Jovian planets (the Computer Language
// Benchmarks Game's n-body, written from its description). Floating-point
// arithmetic over a small array of structs; no allocation in the loop.
package main

const (
	solarMass   = 4 * pi * pi
	daysPerYear = 365.24
	pi          = 3.141592653589793
	steps       = 24000000
)

type body struct {
	x, y, z, vx, vy, vz, mass float64
}

// sqrt by Newton's method: the programs import nothing, so there is no
// math.Sqrt. Used outside the hot loop only.
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	r := x
	if r > 1 {
		r = x / 2
	}
	for i := 0; i < 200; i++ {
		n := 0.5 * (r + x/r)
		if n == r {
			break
		}
		r = n
	}
	return r
}

func offsetMomentum(bodies []body) {
	var px, py, pz float64
	for i := range bodies {
		b := &bodies[i]
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	bodies[0].vx = -px / solarMass
	bodies[0].vy = -py / solarMass
	bodies[0].vz = -pz / solarMass
}

func energy(bodies []body) float64 {
	e := 0.0
	for i := range bodies {
		b := &bodies[i]
		e += 0.5 * b.mass * (b.vx*b.vx + b.vy*b.vy + b.vz*b.vz)
		for j := i + 1; j < len(bodies); j++ {
			b2 := &bodies[j]
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			e -= (b.mass * b2.mass) / sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

// dist holds each pair's distance from the previous step: bodies move
// little per step, so two Newton steps from it give the new distance to
// full precision. This stands in for math.Sqrt in the hot loop while
// keeping the work per step fixed.
var dist [10]float64

func advance(bodies []body, dt float64) {
	k := 0
	for i := range bodies {
		b := &bodies[i]
		for j := i + 1; j < len(bodies); j++ {
			b2 := &bodies[j]
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			d2 := dx*dx + dy*dy + dz*dz
			d := dist[k]
			d = 0.5 * (d + d2/d)
			d = 0.5 * (d + d2/d)
			dist[k] = d
			k++
			mag := dt / (d2 * d)
			b.vx -= dx * b2.mass * mag
			b.vy -= dy * b2.mass * mag
			b.vz -= dz * b2.mass * mag
			b2.vx += dx * b.mass * mag
			b2.vy += dy * b.mass * mag
			b2.vz += dz * b.mass * mag
		}
	}
	for i := range bodies {
		b := &bodies[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func initDist(bodies []body) {
	k := 0
	for i := range bodies {
		for j := i + 1; j < len(bodies); j++ {
			dx := bodies[i].x - bodies[j].x
			dy := bodies[i].y - bodies[j].y
			dz := bodies[i].z - bodies[j].z
			dist[k] = sqrt(dx*dx + dy*dy + dz*dz)
			k++
		}
	}
}

func newSystem() []body {
	return []body{
		{ // sun
			mass: solarMass,
		},
		{ // jupiter
			x: 4.84143144246472090e+00, y: -1.16032004402742839e+00, z: -1.03622044471123109e-01,
			vx: 1.66007664274403694e-03 * daysPerYear, vy: 7.69901118419740425e-03 * daysPerYear, vz: -6.90460016972063023e-05 * daysPerYear,
			mass: 9.54791938424326609e-04 * solarMass,
		},
		{ // saturn
			x: 8.34336671824457987e+00, y: 4.12479856412430479e+00, z: -4.03523417114321381e-01,
			vx: -2.76742510726862411e-03 * daysPerYear, vy: 4.99852801234917238e-03 * daysPerYear, vz: 2.30417297573763929e-05 * daysPerYear,
			mass: 2.85885980666130812e-04 * solarMass,
		},
		{ // uranus
			x: 1.28943695621391310e+01, y: -1.51111514016986312e+01, z: -2.23307578892655734e-01,
			vx: 2.96460137564761618e-03 * daysPerYear, vy: 2.37847173959480950e-03 * daysPerYear, vz: -2.96589568540237556e-05 * daysPerYear,
			mass: 4.36624404335156298e-05 * solarMass,
		},
		{ // neptune
			x: 1.53796971148509165e+01, y: -2.59193146099879641e+01, z: 1.79258772950371181e-01,
			vx: 2.68067772490389322e-03 * daysPerYear, vy: 1.62824170038242295e-03 * daysPerYear, vz: -9.51592254519715870e-05 * daysPerYear,
			mass: 5.15138902046611451e-05 * solarMass,
		},
	}
}

// nano prints a float64 as an integer number of billionths, so the output
// does not depend on the runtime's float formatting.
func nano(f float64) int64 {
	if f < 0 {
		return -int64(-f*1e9 + 0.5)
	}
	return int64(f*1e9 + 0.5)
}

func main() {
	bodies := newSystem()
	offsetMomentum(bodies)
	initDist(bodies)
	println("energy before:", nano(energy(bodies)))
	for i := 0; i < steps; i++ {
		advance(bodies, 0.01)
	}
	println("energy after: ", nano(energy(bodies)))
}

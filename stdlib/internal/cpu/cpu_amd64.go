package cpu

// CacheLinePadSize is the padding of CacheLinePad on this architecture.
const CacheLinePadSize = 64

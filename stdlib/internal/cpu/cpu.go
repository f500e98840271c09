// Package cpu is origo's replacement of the upstream internal/cpu, whose
// feature detection is assembly (CPUID, HWCAP). origo does not detect
// CPU features yet: every flag reads false, so the standard library takes
// its portable code paths (origo compiles no assembly anyway).
package cpu

// DebugOptions is set when the GODEBUG cpu options may be used.
var DebugOptions bool

// CacheLinePad is used to pad structs to avoid false sharing.
type CacheLinePad struct{ _ [CacheLinePadSize]byte }

// CacheLineSize is the CPU's assumed cache line size.
var CacheLineSize uintptr = CacheLinePadSize

// The booleans of each architecture report whether a feature is present;
// the pads keep them on their own cache line as upstream does.
var X86 struct {
	_            CacheLinePad
	HasAES       bool
	HasADX       bool
	HasAVX       bool
	HasAVX2      bool
	HasBMI1      bool
	HasBMI2      bool
	HasERMS      bool
	HasFMA       bool
	HasOSXSAVE   bool
	HasPCLMULQDQ bool
	HasPOPCNT    bool
	HasRDTSCP    bool
	HasSSE3      bool
	HasSSSE3     bool
	HasSSE41     bool
	HasSSE42     bool
	_            CacheLinePad
}

var ARM struct {
	_        CacheLinePad
	HasVFPv4 bool
	HasIDIVA bool
	_        CacheLinePad
}

var ARM64 struct {
	_            CacheLinePad
	HasAES       bool
	HasPMULL     bool
	HasSHA1      bool
	HasSHA2      bool
	HasSHA512    bool
	HasCRC32     bool
	HasATOMICS   bool
	HasCPUID     bool
	IsNeoverseN1 bool
	IsNeoverseV1 bool
	IsZeus       bool
	_            CacheLinePad
}

var MIPS64X struct {
	_      CacheLinePad
	HasMSA bool
	_      CacheLinePad
}

var PPC64 struct {
	_         CacheLinePad
	HasDARN   bool
	HasSCV    bool
	IsPOWER8  bool
	IsPOWER9  bool
	IsPOWER10 bool
	_         CacheLinePad
}

var S390X struct {
	_         CacheLinePad
	HasZARCH  bool
	HasSTFLE  bool
	HasLDISP  bool
	HasEIMM   bool
	HasDFP    bool
	HasETF3EH bool
	HasMSA    bool
	HasAES    bool
	HasAESCBC bool
	HasAESCTR bool
	HasAESGCM bool
	HasGHASH  bool
	HasSHA1   bool
	HasSHA256 bool
	HasSHA512 bool
	HasSHA3   bool
	HasVX     bool
	HasVXE    bool
	HasKDSA   bool
	HasECDSA  bool
	HasEDDSA  bool
	_         CacheLinePad
}

// HWCap and HWCap2 hold the kernel's hardware capability bits where
// upstream reads them (unused here).
var HWCap, HWCap2 uint

// Initialize examines the processor and sets the flags above; env is the
// GODEBUG value, whose cpu.* options have nothing to turn off here.
func Initialize(env string) {}

// Name returns the CPU's name, or "" when unknown (always, for now).
func Name() string { return "" }

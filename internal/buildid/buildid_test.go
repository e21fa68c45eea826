package buildid

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
)

// TestExecutableIsTheProgramsHash: the id is the hash of the file this test
// runs from, the same on every call.
func TestExecutableIsTheProgramsHash(t *testing.T) {
	name, err := os.Executable()
	if err != nil {
		t.Skipf("this system does not say where the program is: %v", err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])
	if got := Executable(); got != want {
		t.Errorf("Executable() = %q, want %q", got, want)
	}
	if Executable() != want {
		t.Error("a second call gives another id")
	}
}

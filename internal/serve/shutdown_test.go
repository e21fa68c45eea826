package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/serve"
)

// TestShutdownEndsStreams serves on the http.Server the server makes
// (as `baton serve` does), with an idle keep-alive connection and an open
// reload stream: Shutdown ends the stream and closes the connection
// instead of waiting on them, and the stream ends as a stream ends, not
// cut off. The server also closes idle connections and slow headers by
// itself.
func TestShutdownEndsStreams(t *testing.T) {
	dir := t.TempDir()
	for name, body := range basic() {
		write(t, filepath.Join(dir, name), body)
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	srv := serve.New(build.New(build.Options{Theme: theme, Lazy: true}), dir)
	if r := srv.Rebuild(context.Background(), nil); !r.OK {
		t.Fatal(r.Diags)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.AllowHosts(ln.Addr())
	hs := srv.HTTPServer()
	if hs.IdleTimeout <= 0 || hs.ReadHeaderTimeout <= 0 {
		t.Errorf("IdleTimeout %v, ReadHeaderTimeout %v: want both set, so idle and slow connections close", hs.IdleTimeout, hs.ReadHeaderTimeout)
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	addr := ln.Addr().String()

	// An idle keep-alive connection: one request answered, then nothing.
	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	idle.SetDeadline(time.Now().Add(60 * time.Second)) // a guard against a hang
	fmt.Fprintf(idle, "GET /a/ HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	idleReader := bufio.NewReader(idle)
	resp, err := http.ReadResponse(idleReader, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	// An open reload stream.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a guard
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+serve.ReloadPath, nil)
	stream, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	events := bufio.NewReader(stream.Body)
	for {
		line, err := events.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the stream: %v", err)
		}
		if strings.TrimSpace(line) == ": connected" {
			break
		}
	}

	shut, cancelShut := context.WithTimeout(context.Background(), 30*time.Second) // a guard, not a limit
	defer cancelShut()
	if err := hs.Shutdown(shut); err != nil {
		t.Errorf("Shutdown: %v; want it to end the stream rather than wait for it", err)
		hs.Close()
	}
	if rest, err := io.ReadAll(events); err != nil {
		t.Errorf("the stream was cut off (%v) instead of ended; it still had %q", err, rest)
	}
	if n, err := idleReader.Read(make([]byte, 1)); err != io.EOF {
		t.Errorf("the idle connection: read %d bytes, %v; want it closed", n, err)
	}
	if err := <-served; err != http.ErrServerClosed {
		t.Errorf("Serve: %v", err)
	}
}

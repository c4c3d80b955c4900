package query

import (
	"context"
	"runtime"
	"runtime/metrics"
	"time"
)

// heapMetric is the memory the Go heap's objects occupy, live or not yet
// swept (runtime/metrics).
const heapMetric = "/memory/classes/heap/objects:bytes"

// heapSampleEvery is how often a query's heap is looked at. Gizmo's
// JavaScript can allocate about half a gigabyte a second (measured in
// ../shared/research/cayley.md, section 3), so a query overshoots its
// budget by a few megabytes at most.
const heapSampleEvery = 5 * time.Millisecond

// heapBytes returns the current value of heapMetric.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// watchHeap returns a context derived from ctx that is cancelled with
// cause errQueryMemory when the Go heap grows by more than budget bytes
// over what it was when watchHeap was called. Garbage counts in the heap
// until it is collected, so before it cancels, the watcher collects it
// (runtime.GC) and looks again. The caller must call stop, which ends the
// watcher.
//
// goja, the JavaScript engine of Gizmo, has no memory limit of its own:
// this is the only bound on what one script holds.
func watchHeap(ctx context.Context, budget uint64) (_ context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	base := heapBytes()
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(heapSampleEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if heapBytes() <= base+budget {
				continue
			}
			runtime.GC()
			if heapBytes() > base+budget {
				cancel(errQueryMemory)
				return
			}
		}
	}()
	return ctx, func() {
		close(done)
		cancel(nil)
	}
}

package api

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkStorageWrite measures what a durable setStorage costs: each iteration makes
// one write to a store that fsyncs every commit (as mpsim runs) and one to a store that
// does not (bbolt's NoSync, the baseline), interleaved so that both see the same machine.
// It reports writes/s of each and their ratio.
//
//	go test -run '^$' -bench StorageWrite -benchtime 2000x -count 5 ./api/
func BenchmarkStorageWrite(b *testing.B) {
	open := func(name string, noSync bool) *Registry {
		s, err := OpenStorage(filepath.Join(b.TempDir(), name), "default")
		if err != nil {
			b.Fatal(err)
		}
		s.db.NoSync = noSync
		b.Cleanup(func() { s.Close() })
		return Default(Options{Device: IPhone12, Storage: s})
	}
	durable, baseline := open("durable.db", false), open("nosync.db", true)
	payload := strings.Repeat("p", 1000)
	var tDurable, tBaseline time.Duration
	write := func(r *Registry, i int) time.Duration {
		args, _ := json.Marshal(map[string]any{"key": fmt.Sprintf("k%d", i%64), "data": map[string]any{"n": i, "p": payload}, "type": "object"})
		start := time.Now()
		if res := r.Invoke(context.Background(), Call{API: "setStorage", Args: args}); res["errMsg"] != "setStorage:ok" {
			b.Fatal(res)
		}
		return time.Since(start)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tDurable += write(durable, i)
		tBaseline += write(baseline, i)
	}
	b.ReportMetric(float64(b.N)/tDurable.Seconds(), "durable-writes/s")
	b.ReportMetric(float64(b.N)/tBaseline.Seconds(), "nosync-writes/s")
	b.ReportMetric(tDurable.Seconds()/tBaseline.Seconds(), "cost-ratio")
}

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// Storage survives kill -9 of the server in the middle of a burst of writes: every write
// answered ":ok" before the kill is there after a restart on the same data folder. The
// burst comes both ways the runtime writes: setStorage over the WebSocket (pipelined,
// cycling over a few keys, so that a later value must not be lost behind an earlier one)
// and setStorageSync over POST /apihelper/assdk.
func TestStorageSurvivesKill9(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	project := RepoPath("testdata/network")
	srv := StartServer(t, mpsimBin, project, "--data", data)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	const keys = 16
	payload := strings.Repeat("p", 1000)

	// The WebSocket burst: writes go out without waiting; a reader notes the acknowledged.
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"ws/service?session=crash", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	var mu sync.Mutex
	ackedAsync := map[int]bool{} // write number (its callbackID) -> answered ok
	ackedSync := []int{}
	lastAck := time.Now()
	go func() {
		for {
			_, msg, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var f struct {
				Command string
				Data    struct {
					CallbackID int `json:"callbackID"`
					Res        struct{ ErrMsg string }
				}
			}
			json.Unmarshal(msg, &f)
			if f.Command == "APPSERVICE_INVOKE_CALLBACK" && f.Data.Res.ErrMsg == "setStorage:ok" {
				mu.Lock()
				ackedAsync[f.Data.CallbackID] = true
				lastAck = time.Now()
				mu.Unlock()
			}
		}
	}()
	var sent sync.WaitGroup
	sent.Add(2)
	go func() {
		defer sent.Done()
		for n := 1; ; n++ {
			frame := fmt.Sprintf(`{"command":"APPSERVICE_INVOKE","data":{"api":"setStorage","args":{"key":"k%d","data":{"n":%d,"p":%q},"type":"object"},"callbackID":%d}}`, n%keys, n, payload, n)
			if ws.Write(ctx, websocket.MessageText, []byte(frame)) != nil {
				return // the server is gone
			}
		}
	}()
	go func() {
		defer sent.Done()
		for n := 1; ; n++ {
			body := fmt.Sprintf(`{"api":"setStorageSync","args":{"key":"sync%d","data":%d,"type":"number"}}`, n, n)
			resp, err := http.Post(srv.URL+"apihelper/assdk", "application/json", strings.NewReader(body))
			if err != nil {
				return
			}
			var res struct{ ErrMsg string }
			json.NewDecoder(resp.Body).Decode(&res)
			resp.Body.Close()
			// An answer that arrives was written before the kill, whenever it is read.
			if res.ErrMsg == "setStorageSync:ok" {
				mu.Lock()
				ackedSync = append(ackedSync, n)
				mu.Unlock()
			}
		}
	}()

	// Kill once the burst is well under way, while both writers are still writing.
	start := time.Now()
	waitTrue(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(ackedAsync) >= 300 && len(ackedSync) >= 30
	})
	mu.Lock()
	if time.Since(lastAck) > time.Second {
		t.Fatal("the burst had stopped before the kill")
	}
	mu.Unlock()
	if err := srv.cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	srv.cmd.Wait()
	sent.Wait()
	elapsed := time.Since(start)
	mu.Lock()
	lastAsync := map[int]int{} // key -> the last value acknowledged
	for n := range ackedAsync {
		if n > lastAsync[n%keys] {
			lastAsync[n%keys] = n
		}
	}
	syncKeys := append([]int(nil), ackedSync...)
	t.Logf("acknowledged before the kill: %d setStorage over the WebSocket, %d setStorageSync over HTTP, in %v (%.0f writes/s)",
		len(ackedAsync), len(syncKeys), elapsed.Round(time.Millisecond), float64(len(ackedAsync)+len(syncKeys))/elapsed.Seconds())
	mu.Unlock()

	// Restart on the same data folder and read everything back.
	srv = StartServer(t, mpsimBin, project, "--data", data)
	read := func(keyList []string) []json.RawMessage {
		body, _ := json.Marshal(map[string]any{"api": "batchGetStorageSync", "args": map[string]any{"keyList": keyList}})
		resp, err := http.Post(srv.URL+"apihelper/assdk", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var res struct {
			ErrMsg   string
			DataList []struct{ Data json.RawMessage }
		}
		json.NewDecoder(resp.Body).Decode(&res)
		if res.ErrMsg != "batchGetStorageSync:ok" || len(res.DataList) != len(keyList) {
			t.Fatalf("reading back: %s %d", res.ErrMsg, len(res.DataList))
		}
		out := make([]json.RawMessage, len(keyList))
		for i, d := range res.DataList {
			out[i] = d.Data
		}
		return out
	}
	var asyncKeys []string
	for k := 0; k < keys; k++ {
		asyncKeys = append(asyncKeys, fmt.Sprintf("k%d", k))
	}
	for k, v := range read(asyncKeys) {
		var got struct{ N int }
		json.Unmarshal(v, &got)
		// Writes to a key are applied in order, so what is there is the last acknowledged
		// value or a later one that was written but not yet answered.
		if got.N < lastAsync[k] || got.N%keys != k {
			t.Errorf("key k%d: %s after the restart, but write %d was acknowledged", k, v, lastAsync[k])
		}
	}
	var names []string
	for _, n := range syncKeys {
		names = append(names, fmt.Sprintf("sync%d", n))
	}
	for i, v := range read(names) {
		if string(v) != fmt.Sprint(syncKeys[i]) {
			t.Errorf("%s: %s after the restart, but its write was acknowledged", names[i], v)
		}
	}
}

// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
)

// For calls fn(i) for every i in [0, n) on GOMAXPROCS goroutines and returns when all
// have returned. fn must only touch what belongs to its i.
func For(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

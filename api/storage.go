package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// The phone's storage limits.
const (
	storageKeyLimit   = 1 << 20  // one key's data
	storageTotalLimit = 10 << 20 // all of one mini-program's data
)

// Storage is the mini-program's key-value storage (wx.setStorage and friends), kept in a
// bbolt file so that it survives a restart of the simulator, as a phone's does. Each
// simulated account has its own bucket.
type Storage struct {
	db      *bolt.DB
	account string
}

// OpenStorage opens (creating) the storage file at path for account.
func OpenStorage(path, account string) (*Storage, error) {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return nil, fmt.Errorf("opening the storage %s: %w (is another mpsim using this project's data folder?)", path, err)
	}
	return &Storage{db: db, account: account}, nil
}

// Close closes the storage file.
func (s *Storage) Close() error { return s.db.Close() }

// stored is one value as kept: the JSON of the data, and its type as the phone reports it.
type stored struct {
	Data json.RawMessage `json:"data"`
	Type string          `json:"type"`
}

var errNotFound = errors.New("data not found")

func (s *Storage) bucket(tx *bolt.Tx) (*bolt.Bucket, error) {
	if tx.Writable() {
		return tx.CreateBucketIfNotExists([]byte(s.account))
	}
	return tx.Bucket([]byte(s.account)), nil
}

func (s *Storage) set(key string, value stored) error {
	entry, err := json.Marshal(value)
	if err != nil {
		return err
	}
	if len(key)+len(entry) > storageKeyLimit {
		return fmt.Errorf("entry size limit reached")
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx)
		if err != nil {
			return err
		}
		total := 0
		b.ForEach(func(k, v []byte) error {
			if string(k) != key {
				total += len(k) + len(v)
			}
			return nil
		})
		if total+len(key)+len(entry) > storageTotalLimit {
			return fmt.Errorf("exceed storage max size 10MB")
		}
		return b.Put([]byte(key), entry)
	})
}

func (s *Storage) get(key string) (stored, error) {
	var out stored
	err := s.db.View(func(tx *bolt.Tx) error {
		b, _ := s.bucket(tx)
		var v []byte
		if b != nil {
			v = b.Get([]byte(key))
		}
		if v == nil {
			return errNotFound
		}
		return json.Unmarshal(v, &out)
	})
	return out, err
}

func (s *Storage) remove(key string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx)
		if err != nil {
			return err
		}
		return b.Delete([]byte(key))
	})
}

func (s *Storage) clear() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket([]byte(s.account)) == nil {
			return nil
		}
		return tx.DeleteBucket([]byte(s.account))
	})
}

func (s *Storage) info() (keys []string, size int, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		b, _ := s.bucket(tx)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			keys = append(keys, string(k))
			size += len(k) + len(v)
			return nil
		})
	})
	sort.Strings(keys)
	return keys, size, err
}

// registerStorage adds the storage APIs, each in its async and Sync form (the runtime
// sends the Sync ones through /apihelper/assdk). They answer from a local file at once.
func registerStorage(r *Registry, s *Storage) {
	both := func(name string, h func(call Call, api string) (Result, error)) {
		for _, api := range []string{name, name + "Sync"} {
			api := api
			r.RegisterNonBlocking(api, func(ctx context.Context, call Call) (Result, error) { return h(call, api) })
		}
	}
	type keyArgs struct {
		Key  *string         `json:"key"`
		Data json.RawMessage `json:"data"`
		Type string          `json:"type"`
	}
	args := func(call Call, api string) (keyArgs, Result) {
		var a keyArgs
		if err := decodeArgs(call, &a); err != nil || a.Key == nil {
			return a, Fail(api, "parameter error: parameter.key should be String")
		}
		return a, nil
	}
	both("setStorage", func(call Call, api string) (Result, error) {
		a, bad := args(call, api)
		if bad != nil {
			return bad, nil
		}
		if len(a.Data) == 0 {
			a.Data = json.RawMessage("null")
		}
		if err := s.set(*a.Key, stored{Data: a.Data, Type: a.Type}); err != nil {
			return Fail(api, err.Error()), nil
		}
		return OK(api, nil), nil
	})
	both("getStorage", func(call Call, api string) (Result, error) {
		a, bad := args(call, api)
		if bad != nil {
			return bad, nil
		}
		v, err := s.get(*a.Key)
		if errors.Is(err, errNotFound) {
			return Fail(api, "data not found"), nil
		} else if err != nil {
			return nil, err
		}
		return OK(api, map[string]any{"data": v.Data, "type": v.Type}), nil
	})
	both("removeStorage", func(call Call, api string) (Result, error) {
		a, bad := args(call, api)
		if bad != nil {
			return bad, nil
		}
		if err := s.remove(*a.Key); err != nil {
			return nil, err
		}
		return OK(api, nil), nil
	})
	both("clearStorage", func(call Call, api string) (Result, error) {
		if err := s.clear(); err != nil {
			return nil, err
		}
		return OK(api, nil), nil
	})
	both("getStorageInfo", func(call Call, api string) (Result, error) {
		keys, size, err := s.info()
		if err != nil {
			return nil, err
		}
		if keys == nil {
			keys = []string{}
		}
		// The phone reports sizes in KB.
		return OK(api, map[string]any{"keys": keys, "currentSize": (size + 1023) / 1024, "limitSize": storageTotalLimit / 1024}), nil
	})
}

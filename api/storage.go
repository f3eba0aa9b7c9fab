package api

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"sync"
	"time"
	"unicode/utf16"

	bolt "go.etcd.io/bbolt"
)

// The phone's storage limits, in characters of key and data as the phone counts them.
// Encrypted data grows by 1.4 on the phone, hence its smaller limit per key (0.7 MB).
const (
	storageKeyLimit          = 1 << 20                  // one key's data
	storageEncryptedKeyLimit = storageKeyLimit * 7 / 10 // one key's data with encrypt
	storageTotalLimit        = 10 << 20                 // all of one account's data
)

// The phone's reasons for a write that does not fit (WeChat for Android's words).
var (
	errEntryTooLarge = errors.New("entry size limit reached")
	errQuota         = errors.New("quota reached")
	errNotFound      = errors.New("data not found")
)

// paramError is a mistake in the call's arguments; its text is the errMsg's reason.
type paramError string

func (e paramError) Error() string { return string(e) }

// metaBucket holds the simulator's own records (the encryption key); account names
// cannot start with "_", so it never meets an account's bucket.
var metaBucket = []byte("_mpsim")

// AccountName is what a simulated account may be called (mpsim open --account).
var AccountName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// Storage is the mini-program's key-value storage (wx.setStorage and friends), kept in a
// bbolt file so that it survives a restart of the simulator, as a phone's does. Each
// simulated account has its own bucket, and sees no other's. Every write is on disk
// (fsync'd) before it is answered.
type Storage struct {
	db      *bolt.DB
	account []byte
	aead    cipher.AEAD // for setStorage's encrypt

	mu   sync.Mutex // serialises writes, which keep size
	size int        // the account's data as the phone counts it
}

// OpenStorage opens (creating) the storage file at path for account.
func OpenStorage(path, account string) (*Storage, error) {
	if !AccountName.MatchString(account) {
		return nil, fmt.Errorf("account %q: use 1-64 letters, digits, - and _, starting with a letter or digit", account)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("opening the storage %s: %w (is another mpsim using this project's data folder?)", path, err)
	}
	s := &Storage{db: db, account: []byte(account)}
	if err := s.load(); err != nil {
		db.Close()
		return nil, fmt.Errorf("reading the storage %s: %w", path, err)
	}
	return s, nil
}

// load reads the account's size and the encryption key (made on first use).
func (s *Storage) load() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(metaBucket)
		if err != nil {
			return err
		}
		key := meta.Get([]byte("encrypt-key"))
		if key == nil {
			key = make([]byte, 16) // AES-128, as the phone's
			rand.Read(key)
			if err := meta.Put([]byte("encrypt-key"), key); err != nil {
				return err
			}
		}
		block, err := aes.NewCipher(key)
		if err != nil {
			return err
		}
		if s.aead, err = cipher.NewGCM(block); err != nil {
			return err
		}
		if b := tx.Bucket(s.account); b != nil {
			return b.ForEach(func(k, v []byte) error {
				var e stored
				if err := json.Unmarshal(v, &e); err != nil {
					return err
				}
				s.size += e.size(string(k))
				return nil
			})
		}
		return nil
	})
}

// Close closes the storage file.
func (s *Storage) Close() error { return s.db.Close() }

// stored is one value as kept: the JSON of the data, and its type as the runtime gave it
// ("Date" comes back a Date). An encrypted value's data is the base64 of the sealed
// {data, type}: what a read without encrypt gets, as on the phone.
type stored struct {
	Data      json.RawMessage `json:"data"`
	Type      string          `json:"type"`
	Encrypted bool            `json:"encrypted,omitempty"`
}

// size is what the entry counts against the limits, as the phone counts it: the
// characters (UTF-16 units) of the key and of the data as a string.
func (e stored) size(key string) int {
	return utf16Len(key) + utf16Len(e.dataString())
}

// dataString is the data as the phone keeps it: a string as is, anything else as JSON.
func (e stored) dataString() string {
	var s string
	if json.Unmarshal(e.Data, &s) == nil {
		return s
	}
	return string(e.Data)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// write is one key and its value to store.
type write struct {
	key   string
	value stored
}

// seal encrypts the value (data and type together) into an encrypted entry.
func (s *Storage) seal(v stored) (stored, error) {
	plain, err := json.Marshal(v)
	if err != nil {
		return stored{}, err
	}
	nonce := make([]byte, s.aead.NonceSize())
	rand.Read(nonce)
	sealed := base64.StdEncoding.EncodeToString(s.aead.Seal(nonce, nonce, plain, nil))
	data, _ := json.Marshal(sealed)
	return stored{Data: data, Type: "String", Encrypted: true}, nil
}

// open decrypts an encrypted entry back into its value.
func (s *Storage) open(e stored) (stored, error) {
	var sealed string
	if err := json.Unmarshal(e.Data, &sealed); err != nil {
		return stored{}, err
	}
	b, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil || len(b) < s.aead.NonceSize() {
		return stored{}, errors.New("decrypt fail")
	}
	plain, err := s.aead.Open(nil, b[:s.aead.NonceSize()], b[s.aead.NonceSize():], nil)
	if err != nil {
		return stored{}, errors.New("decrypt fail")
	}
	var v stored
	return v, json.Unmarshal(plain, &v)
}

// set writes entries in one transaction, all or none, within the limits; it returns once
// they are on disk.
func (s *Storage) set(entries []write) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	size := s.size
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(s.account)
		if err != nil {
			return err
		}
		for _, e := range entries {
			size += e.value.size(e.key) - storedSize(b, e.key)
			if size > storageTotalLimit {
				return errQuota
			}
			v, err := json.Marshal(e.value)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(e.key), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		s.size = size
	}
	return err
}

// storedSize is what the entry at key in b counts against the limits; 0 when there is none.
func storedSize(b *bolt.Bucket, key string) int {
	var was stored
	if old := b.Get([]byte(key)); old == nil || json.Unmarshal(old, &was) != nil {
		return 0
	}
	return was.size(key)
}

// get reads keys; a missing key is a nil entry.
func (s *Storage) get(keys ...string) ([]*stored, error) {
	out := make([]*stored, len(keys))
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(s.account)
		if b == nil {
			return nil
		}
		for i, k := range keys {
			if v := b.Get([]byte(k)); v != nil {
				out[i] = new(stored)
				if err := json.Unmarshal(v, out[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return out, err
}

func (s *Storage) remove(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	size := s.size
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(s.account)
		if b == nil {
			return nil
		}
		size -= storedSize(b, key)
		return b.Delete([]byte(key))
	})
	if err == nil {
		s.size = size
	}
	return err
}

func (s *Storage) clear() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(s.account) == nil {
			return nil
		}
		return tx.DeleteBucket(s.account)
	})
	if err == nil {
		s.size = 0
	}
	return err
}

func (s *Storage) info() (keys []string, size int, err error) {
	keys = []string{}
	err = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(s.account)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	sort.Strings(keys)
	s.mu.Lock()
	size = s.size
	s.mu.Unlock()
	return keys, size, err
}

// storageValue is one value as the runtime sends it: data and its type, and for
// setStorage whether to encrypt it.
type storageValue struct {
	Key     json.RawMessage `json:"key"`
	Data    json.RawMessage `json:"data"`
	Type    string          `json:"type"`
	Encrypt bool            `json:"encrypt"`
}

// keyArg is the key given, or a paramError when it is not a string.
func keyArg(raw json.RawMessage) (string, error) {
	var key string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &key) != nil {
		return "", keyError(raw)
	}
	return key, nil
}

func keyError(raw json.RawMessage) error {
	return paramError("parameter error: parameter.key should be String instead of " + jsType(raw) + ";")
}

// keyCall decodes the arguments of a call about one key (getStorage, removeStorage), or
// says why they are wrong.
func keyCall(call Call) (storageValue, string, error) {
	var a storageValue
	if err := decodeArgs(call, &a); err != nil {
		return a, "", keyError(a.Key)
	}
	key, err := keyArg(a.Key)
	return a, key, err
}

// entry checks v's key and size and makes the write that stores it.
func (s *Storage) entry(v storageValue, encrypt bool) (write, error) {
	key, err := keyArg(v.Key)
	if err != nil {
		return write{}, err
	}
	if len(v.Data) == 0 {
		v.Data = json.RawMessage("null")
	}
	value := stored{Data: v.Data, Type: v.Type}
	limit := storageKeyLimit
	if encrypt {
		limit = storageEncryptedKeyLimit
	}
	if value.size(key) > limit {
		return write{}, errEntryTooLarge
	}
	if encrypt {
		var err error
		if value, err = s.seal(value); err != nil {
			return write{}, err
		}
	}
	return write{key, value}, nil
}

// registerStorage adds the storage APIs, each in its async and Sync form (the runtime
// sends the Sync ones through /apihelper/assdk). They answer at once from a local file;
// a write is answered once it is on disk.
func registerStorage(r *Registry, s *Storage) {
	both := func(name string, h func(call Call, api string) (Result, error)) {
		for _, api := range []string{name, name + "Sync"} {
			api := api
			r.RegisterNonBlocking(api, func(ctx context.Context, call Call) (Result, error) { return h(call, api) })
		}
	}
	// fail answers a user's mistake or a full storage as the phone does; anything else is
	// the simulator's.
	fail := func(api string, err error) (Result, error) {
		var param paramError
		if errors.As(err, &param) || errors.Is(err, errEntryTooLarge) || errors.Is(err, errQuota) || errors.Is(err, errNotFound) {
			return Fail(api, err.Error()), nil
		}
		return nil, err
	}
	both("setStorage", func(call Call, api string) (Result, error) {
		var v storageValue
		if err := decodeArgs(call, &v); err != nil {
			return Fail(api, "parameter error: "+err.Error()), nil
		}
		// Only the async setStorage encrypts, as on the phone.
		e, err := s.entry(v, v.Encrypt && api == "setStorage")
		if err == nil {
			err = s.set([]write{e})
		}
		if err != nil {
			return fail(api, err)
		}
		return OK(api, nil), nil
	})
	both("batchSetStorage", func(call Call, api string) (Result, error) {
		var a struct {
			KVList []storageValue `json:"kvList"`
		}
		if err := decodeArgs(call, &a); err != nil || a.KVList == nil {
			return Fail(api, "parameter error: parameter.kvList should be Array;"), nil
		}
		entries := make([]write, len(a.KVList))
		for i, v := range a.KVList {
			e, err := s.entry(v, false)
			if err != nil {
				return fail(api, err)
			}
			entries[i] = e
		}
		if err := s.set(entries); err != nil {
			return fail(api, err)
		}
		return OK(api, nil), nil
	})
	both("getStorage", func(call Call, api string) (Result, error) {
		a, key, err := keyCall(call)
		if err != nil {
			return fail(api, err)
		}
		got, err := s.get(key)
		if err != nil {
			return nil, err
		}
		v := got[0]
		if v == nil {
			return fail(api, errNotFound)
		}
		if v.Encrypted && a.Encrypt && api == "getStorage" {
			plain, err := s.open(*v)
			if err != nil {
				return Fail(api, err.Error()), nil
			}
			v = &plain
		}
		return OK(api, map[string]any{"data": v.Data, "type": v.Type}), nil
	})
	both("batchGetStorage", func(call Call, api string) (Result, error) {
		var a struct {
			KeyList []string `json:"keyList"`
		}
		if err := decodeArgs(call, &a); err != nil || a.KeyList == nil {
			return Fail(api, "parameter error: parameter.keyList should be Array;"), nil
		}
		got, err := s.get(a.KeyList...)
		if err != nil {
			return nil, err
		}
		// A missing key is null here; the runtime gives '' for it, as getStorageSync does.
		list := make([]any, len(got))
		for i, v := range got {
			if v != nil {
				list[i] = map[string]any{"data": v.Data, "type": v.Type}
			}
		}
		return OK(api, map[string]any{"dataList": list}), nil
	})
	both("removeStorage", func(call Call, api string) (Result, error) {
		_, key, err := keyCall(call)
		if err != nil {
			return fail(api, err)
		}
		if err := s.remove(key); err != nil {
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
		// The phone reports sizes in KB.
		return OK(api, map[string]any{"keys": keys, "currentSize": (size + 1023) / 1024, "limitSize": storageTotalLimit / 1024}), nil
	})
}

package graph

import "errors"

// These errors can occur when opening a store.
var (
	// ErrUnknownScheme is returned when a store URL names a backend that
	// actorgraph does not support.
	ErrUnknownScheme = errors.New("unknown store scheme")
	// ErrLocked is returned when a bolt store is held by another process
	// for longer than LockTimeout.
	ErrLocked = errors.New("store is in use by another process")
)

// These errors can occur when reading.
var (
	// ErrNotFound is returned when an entity or article is not in the store.
	ErrNotFound = errors.New("not found")
)

// These errors can occur when writing.
var (
	// ErrDuplicateInBatch is returned by PutBatch when two articles of the
	// batch have the same ID: the second would not see the first.
	ErrDuplicateInBatch = errors.New("article given twice in one batch")
)

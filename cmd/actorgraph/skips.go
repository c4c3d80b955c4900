package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/actorgraph/actorgraph/loader"
)

// skipReasons name, for the summaries, why an input was skipped: the
// first error of the list that a skip's error matches, with errors.Is. The
// summaries list reasons in this order.
var skipReasons = []struct {
	err    error
	reason string
}{
	{loader.ErrEmpty, "empty"},
	{loader.ErrBinary, "binary"},
	{loader.ErrInvalidUTF8, "not UTF-8"},
	{loader.ErrInvalidJSON, "invalid JSON"},
	{loader.ErrTooLarge, "too large"},
	{loader.ErrTooDeep, "nested too deep"},
	{loader.ErrNoArticle, "no article in HTML"},
	{loader.ErrUnsupported, "unsupported"},
	{fs.ErrNotExist, "not found"},
	{fs.ErrPermission, "permission denied"},
}

// The reasons of skips that match none of skipReasons.
const (
	reasonUnreadable = "unreadable" // an input the loader could not read (an I/O error)
	reasonNotStored  = "not stored" // an article the store refused
)

// skipReason returns why err made an input or article be skipped: an
// *loader.InputError is about an input, any other error is the store's.
func skipReason(err error) string {
	for _, r := range skipReasons {
		if errors.Is(err, r.err) {
			return r.reason
		}
	}
	var ie *loader.InputError
	if errors.As(err, &ie) {
		return reasonUnreadable
	}
	return reasonNotStored
}

// skipCounts counts skipped inputs and articles by reason.
type skipCounts struct {
	byReason map[string]int
	total    int
}

// add counts one skip for err.
func (c *skipCounts) add(err error) {
	if c.byReason == nil {
		c.byReason = map[string]int{}
	}
	c.byReason[skipReason(err)]++
	c.total++
}

// Total returns the number of skips counted.
func (c *skipCounts) Total() int {
	if c == nil {
		return 0
	}
	return c.total
}

// String returns the counts by reason in the order of skipReasons, as
// "2 empty, 1 binary, 1 too large", or "" if nothing was skipped.
func (c *skipCounts) String() string {
	if c.Total() == 0 {
		return ""
	}
	var parts []string
	for _, r := range skipReasons {
		if n := c.byReason[r.reason]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, r.reason))
		}
	}
	for _, r := range []string{reasonUnreadable, reasonNotStored} {
		if n := c.byReason[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, r))
		}
	}
	return strings.Join(parts, ", ")
}

// countSkips makes b count each input or article it skips, by reason, in
// the returned counts, before passing it on to b's Skip.
func countSkips(b *batch) *skipCounts {
	c := &skipCounts{}
	skip := b.Skip
	b.Skip = func(err error) {
		c.add(err)
		skip(err)
	}
	return c
}

// skippedError is the error of a command that did its work but had to
// skip some inputs, which it reported on the way: the command exits with a
// non-zero status. The message says how many and why.
func skippedError(c *skipCounts) error {
	n := c.Total()
	if n == 1 {
		return fmt.Errorf("1 input skipped (%s; see above)", c)
	}
	return fmt.Errorf("%d inputs skipped (%s; see above)", n, c)
}

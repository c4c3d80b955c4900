package query

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// errUncuttable is returned by cutJSON when a prefix holds no whole
// element of an array to cut after.
var errUncuttable = errors.New("no whole array element to cut after")

// cutJSON turns prefix, the first bytes of a JSON document that was too
// long, into a valid JSON document: it keeps what comes before the end of
// the last array element that prefix holds whole (at any depth), closes
// the arrays and objects still open, and, when the document is an object,
// adds "truncated": true to it. So an answer {"result":[a,b,c,...]} cut
// anywhere in c becomes {"result":[a,b],"truncated":true}; objects are
// never cut in the middle of an array element. Numbers, strings and
// literals are copied as they were.
//
// The prefix must be the start of a valid JSON document. cutJSON returns
// errUncuttable when it holds no whole array element, and the decoder's
// error when it is not JSON.
func cutJSON(prefix []byte) ([]byte, error) {
	type frame struct {
		object bool
		n      int  // elements (or members) written
		key    bool // in an object: the next token is a key
	}
	type checkpoint struct {
		size  int
		stack []frame
	}
	dec := json.NewDecoder(bytes.NewReader(prefix))
	dec.UseNumber()
	var (
		out   []byte
		stack []frame
		last  *checkpoint
	)
	save := func() {
		last = &checkpoint{size: len(out), stack: append([]frame(nil), stack...)}
	}
	// done records that a value ended: it counts in its container, and an
	// element of an array is a place to cut after.
	done := func() {
		if len(stack) == 0 {
			return
		}
		top := &stack[len(stack)-1]
		top.n++
		if top.object {
			top.key = true
			return
		}
		save()
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) {
				break // the cut
			}
			return nil, err
		}
		delim, isDelim := tok.(json.Delim)
		if !isDelim && dec.InputOffset() == int64(len(prefix)) {
			break // a number or literal at the very end may be cut short
		}
		closing := isDelim && (delim == '}' || delim == ']')
		if len(stack) > 0 && !closing {
			top := &stack[len(stack)-1]
			switch {
			case top.object && !top.key:
				out = append(out, ':')
			case top.n > 0:
				out = append(out, ',')
			}
		}
		switch {
		case closing:
			out = append(out, byte(delim))
			stack = stack[:len(stack)-1]
			done()
		case isDelim:
			out = append(out, byte(delim))
			stack = append(stack, frame{object: delim == '{', key: delim == '{'})
			if delim == '[' {
				save()
			}
		default:
			out = appendToken(out, tok)
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].key {
				stack[n-1].key = false
				continue
			}
			done()
		}
	}
	if len(stack) == 0 && len(out) > 0 {
		return out, nil // prefix was whole
	}
	if last == nil {
		return nil, errUncuttable
	}
	out = out[:last.size]
	for i := len(last.stack) - 1; i >= 0; i-- {
		f := last.stack[i]
		if !f.object {
			out = append(out, ']')
			continue
		}
		if i == 0 {
			// Below a checkpoint, an object always has a member under
			// way, which the closing brackets end.
			out = append(out, ',')
			out = append(out, `"truncated":true`...)
		}
		out = append(out, '}')
	}
	return out, nil
}

// appendToken appends a scalar token of a json.Decoder with UseNumber.
func appendToken(out []byte, tok json.Token) []byte {
	switch v := tok.(type) {
	case string:
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v) // a string always encodes
		return append(out, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
	case json.Number:
		return append(out, v...)
	case bool:
		return strconv.AppendBool(out, v)
	case nil:
		return append(out, "null"...)
	}
	return out
}

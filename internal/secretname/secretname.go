// Package secretname decides whether a parameter name (or a short text)
// marks a secret. Terraform rules (SSM201) and Go analyzers (SSM601,
// SSM606) share this vocabulary so that both engines agree.
package secretname

import (
	"strings"
	"unicode"
)

// Words are the single tokens that mark a secret.
var words = map[string]bool{
	"password": true, "passwd": true, "secret": true, "token": true,
	"apikey": true, "credential": true, "credentials": true,
	"privatekey": true, "clientsecret": true, "passphrase": true,
}

// pairs are two-token spellings of secret words (api_key, private-key).
var pairs = map[[2]string]string{
	{"api", "key"}:       "api_key",
	{"private", "key"}:   "private_key",
	{"client", "secret"}: "client_secret",
	{"pass", "word"}:     "password",
}

// allowedSuffixes are tokens that, right after a secret word, make the
// name about the secret rather than the secret itself: token_url,
// password_policy, secret_arn.
var allowedSuffixes = map[string]bool{
	"arn": true, "id": true, "ids": true, "url": true, "uri": true, "name": true, "names": true,
	"length": true, "policy": true, "path": true, "file": true, "version": true,
	"type": true, "ttl": true, "expiry": true, "expiration": true, "endpoint": true,
	"header": true, "rotation": true, "prefix": true, "hint": true, "ref": true,
	"enabled": true, "required": true, "min": true, "max": true,
	"age": true, "location": true, "bucket": true, "parameter": true, "param": true,
	"kms": true, "alias": true, "format": true, "regex": true, "pattern": true,
}

// Tokens splits s into lower-case words at punctuation, spaces, digits
// boundaries and camelCase humps: "dbPassword_v2" -> [db password v 2].
func Tokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) && len(cur) > 0 {
				prev := rs[i-1]
				nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
				if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
					flush()
				}
			} else if len(cur) > 0 && unicode.IsDigit(cur[len(cur)-1]) {
				flush()
			}
			cur = append(cur, r)
		case unicode.IsDigit(r):
			if len(cur) > 0 && !unicode.IsDigit(cur[len(cur)-1]) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// Match returns the secret word a name (its last path segment is what
// counts) marks, or "" when it marks none. extra adds words (single tokens,
// lower-case).
func Match(name string, extra ...string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return matchTokens(Tokens(name), extra, true)
}

// MatchText is Match for prose such as a description: a secret word counts
// only when no word of the text is an allowed suffix anywhere (a text that
// speaks of "the ARN of the password" is about the secret, not it).
func MatchText(text string, extra ...string) string {
	toks := Tokens(text)
	for _, t := range toks {
		if allowedSuffixes[t] {
			return ""
		}
	}
	return matchTokens(toks, extra, false)
}

func matchTokens(toks []string, extra []string, suffixAware bool) string {
	isExtra := func(t string) bool {
		for _, e := range extra {
			if strings.EqualFold(e, t) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(toks); i++ {
		word, width := "", 1
		if i+1 < len(toks) {
			if w, ok := pairs[[2]string{toks[i], toks[i+1]}]; ok {
				word, width = w, 2
			}
		}
		if word == "" && (words[toks[i]] || isExtra(toks[i])) {
			word = toks[i]
		}
		if word == "" {
			continue
		}
		if suffixAware {
			// The secret word must not be followed by an allowed suffix
			// anywhere after it: secret_arn, token_url, password_policy_v2.
			about := false
			for _, t := range toks[i+width:] {
				if allowedSuffixes[t] {
					about = true
				}
			}
			if about {
				i += width - 1
				continue
			}
		}
		return word
	}
	return ""
}

package secretname

import "testing"

func TestMatch(t *testing.T) {
	cases := map[string]string{
		"/app/db/password":      "password",
		"db_password":           "password",
		"dbPassword":            "password",
		"DB_PASSWD":             "passwd",
		"/svc/github-token":     "token",
		"api_key":               "api_key",
		"/x/apiKey":             "api_key",
		"apikey":                "apikey",
		"stripe-private-key":    "private_key",
		"credentials":           "credentials",
		"oauth_client_secret":   "client_secret",
		"/app/secret":           "secret",
		"/app/token_url":        "",
		"password_policy":       "",
		"secret_arn":            "",
		"key_name":              "",
		"/app/db/host":          "",
		"password_length":       "",
		"/app/secret/name":      "",
		"tokenizer":             "",
		"secretary":             "",
		"/path/to/password/url": "",
		"public_key":            "",
		"token_expiry":          "",
	}
	for in, want := range cases {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchExtra(t *testing.T) {
	if got := Match("/app/pin", "pin"); got != "pin" {
		t.Errorf("extra word not matched: %q", got)
	}
}

func TestMatchText(t *testing.T) {
	cases := map[string]string{
		"The database password":                  "password",
		"API token for the billing service":      "token",
		"ARN of the secret holding the password": "",
		"Name of the token parameter":            "",
		"Database host name":                     "",
	}
	for in, want := range cases {
		if got := MatchText(in); got != want {
			t.Errorf("MatchText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("dbPassword_v2-HTTPServer")
	want := []string{"db", "password", "v", "2", "http", "server"}
	if len(got) != len(want) {
		t.Fatalf("Tokens = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("Tokens = %v, want %v", got, want)
		}
	}
}
